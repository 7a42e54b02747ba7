package udpvideo.codec.png;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Writes a {@link FrameStamp} into a PNG as a text chunk, where every decoder skips it.
 *
 * <p>The chunk is {@code tEXt} with the keyword {@code udpvideo}, a NUL, and the stamp's text,
 * inserted right after IHDR (byte 33). The stamp's CRC covers every byte after the chunk up to and including
 * IEND, as the JPEG comment's does; the chunk's own PNG CRC covers the stamp's text. Pure; one may be shared.
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
        CRC32 crc = new CRC32();
        crc.update(png, insertAt, length - insertAt); // the bytes that will follow the stamp chunk
        String text = new FrameStamp(frameNumber, captureTimeMicros, (int) crc.getValue()).text();
        byte[] data = (PngChunks.STAMP_KEYWORD + '\0' + text).getBytes(StandardCharsets.US_ASCII);

        byte[] stamped = new byte[length + PngChunks.OVERHEAD_BYTES + data.length];
        System.arraycopy(png, 0, stamped, 0, insertAt);
        int after = PngChunks.write(stamped, insertAt, PngChunks.TEXT, data);
        System.arraycopy(png, insertAt, stamped, after, length - insertAt);
        return stamped;
    }
}
