package udpvideo.codec.jpeg;

import udpvideo.stamp.FrameCheck;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Writes a {@link FrameStamp} into a JPEG as a comment segment, where every decoder skips it.
 *
 * <p>The comment goes after the APPn segments that follow SOI (decoders want ImageIO's JFIF APP0 first) and
 * before everything else. Its CRC covers every byte of the frame but its own 8 digits ({@link FrameCheck}), so the
 * receiver can tell a whole, unedited frame from one spliced together from two, or edited anywhere, without
 * decoding it. Pure; one instance may be shared.
 */
public final class JpegCommentStamper implements Stamper {
    /** Bytes in a segment before its payload: 0xFF, marker, 2-byte length. */
    private static final int SEGMENT_HEADER_BYTES = 4;

    /**
     * Returns a new JPEG: {@code jpeg[0, length)} with the stamp comment inserted.
     *
     * @throws MalformedJpegException when the input is not a JPEG (the encoder misbehaved)
     */
    @Override
    public byte[] stamp(byte[] jpeg, int length, long frameNumber, long captureTimeMicros)
            throws MalformedJpegException {
        int insertAt = JpegHeader.parse(jpeg, length).firstNonAppSegment;
        byte[] text = FrameStamp.placeholderText(frameNumber, captureTimeMicros);

        int segmentLength = 2 + text.length; // the length field counts itself
        byte[] stamped = new byte[length + SEGMENT_HEADER_BYTES + text.length];
        System.arraycopy(jpeg, 0, stamped, 0, insertAt);
        int pos = insertAt;
        stamped[pos++] = (byte) 0xFF;
        stamped[pos++] = (byte) JpegHeader.COM;
        stamped[pos++] = (byte) (segmentLength >> 8);
        stamped[pos++] = (byte) segmentLength;
        System.arraycopy(text, 0, stamped, pos, text.length);
        pos += text.length;
        System.arraycopy(jpeg, insertAt, stamped, pos, length - insertAt);
        int digitsAt = pos - FrameStamp.CRC_DIGITS;
        FrameCheck.writeDigits(stamped, digitsAt, FrameCheck.crc(stamped, stamped.length, digitsAt,
                digitsAt + FrameStamp.CRC_DIGITS));
        return stamped;
    }
}
