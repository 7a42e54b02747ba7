package udpvideo.codec.png;

import java.nio.charset.StandardCharsets;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameCheck;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Writes a {@link FrameStamp} into a PNG as a text chunk, where every decoder skips it.
 *
 * <p>The chunk is {@code tEXt} with the keyword {@code udpvideo}, a NUL, and the stamp's text,
 * inserted right after IHDR (byte 33). The stamp's CRC covers every byte of the frame but its own 8 digits and
 * the 4 bytes after them, the chunk's own PNG CRC, which is computed from those digits and so last
 * ({@link FrameCheck}); the receiver checks every chunk's PNG CRC besides. Pure; one may be shared.
 */
final class PngStamper implements Stamper {
    /**
     * Returns a new PNG: {@code png[0, length)} with the stamp chunk inserted.
     *
     * @throws MalformedFrameException when the input is not a well-formed PNG or already carries a stamp (the
     *                                 encoder misbehaved)
     */
    @Override
    public byte[] stamp(byte[] png, int length, long frameNumber, long captureTimeMicros)
            throws MalformedFrameException {
        if (PngHeader.parse(png, length).stamp != null) {
            throw new MalformedFrameException("the PNG already carries a udpvideo stamp");
        }
        int insertAt = PngChunks.IHDR_END;
        byte[] keyword = (PngChunks.STAMP_KEYWORD + '\0').getBytes(StandardCharsets.US_ASCII);
        byte[] text = FrameStamp.placeholderText(frameNumber, captureTimeMicros);
        byte[] data = new byte[keyword.length + text.length];
        System.arraycopy(keyword, 0, data, 0, keyword.length);
        System.arraycopy(text, 0, data, keyword.length, text.length);

        byte[] stamped = new byte[length + PngChunks.OVERHEAD_BYTES + data.length];
        System.arraycopy(png, 0, stamped, 0, insertAt);
        int after = PngChunks.write(stamped, insertAt, PngChunks.TEXT, data);
        System.arraycopy(png, insertAt, stamped, after, length - insertAt);
        int chunkCrcAt = after - 4;
        int digitsAt = chunkCrcAt - FrameStamp.CRC_DIGITS;
        FrameCheck.writeDigits(stamped, digitsAt, FrameCheck.crc(stamped, stamped.length, digitsAt, after));
        PngChunks.writeCrc(stamped, insertAt, data.length); // the chunk's CRC covers the digits just written
        return stamped;
    }
}
