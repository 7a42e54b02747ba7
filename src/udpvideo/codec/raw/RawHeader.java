package udpvideo.codec.raw;

import java.nio.charset.StandardCharsets;
import udpvideo.codec.FrameLimits;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameStamp;
import udpvideo.codec.BigEndian;

/**
 * The header in front of a raw frame's pixels ({@link RawCodec} documents its bytes): how to write it, and how to
 * read it back strictly. Reading checks every field and that the frame is exactly as long as the header says,
 * so garbage from the network can neither send it out of bounds nor throw anything but
 * {@link MalformedFrameException}.
 */
final class RawHeader {
    /** A raw frame's first bytes, ASCII {@code UDPVRAW1}: the 1 is the layout's version. */
    static final byte[] MAGIC = "UDPVRAW1".getBytes(StandardCharsets.US_ASCII);
    /** Where the height field begins; width, channels and the stamp's length follow, 4 bytes each. */
    static final int HEIGHT_AT = 8;
    static final int WIDTH_AT = 12;
    static final int CHANNELS_AT = 16;
    static final int STAMP_LENGTH_AT = 20;
    /** Bytes before the stamp: the magic and the four 32-bit fields. */
    static final int FIXED_BYTES = 24;
    /** Bytes per pixel: B, G and R, one byte each. */
    static final int CHANNELS = 3;
    /**
     * Most bytes the stamp field may hold. Today's stamp text is at most 77; the rest is room for fields a later
     * version may add (an HMAC), and the bound keeps a garbage length from meaning anything.
     */
    static final int MAX_STAMP_BYTES = 255;

    /** Image width in pixels. */
    final int width;
    /** Image height in pixels. */
    final int height;
    /** The stamp, or null when the stamp field is empty. */
    final FrameStamp stamp;
    /** Where the pixels begin: just past the stamp field, the start of the bytes the stamp's CRC covers. */
    final int pixelsAt;

    private RawHeader(int width, int height, FrameStamp stamp, int pixelsAt) {
        this.width = width;
        this.height = height;
        this.stamp = stamp;
        this.pixelsAt = pixelsAt;
    }

    /** Whether {@code data[offset, offset + length)} begins with the magic. */
    static boolean startsWithMagic(byte[] data, int offset, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the header of a {@code width} x {@code height} frame with an empty stamp field into {@code frame}. */
    static void write(byte[] frame, int width, int height) {
        System.arraycopy(MAGIC, 0, frame, 0, MAGIC.length);
        BigEndian.writeInt(frame, HEIGHT_AT, height);
        BigEndian.writeInt(frame, WIDTH_AT, width);
        BigEndian.writeInt(frame, CHANNELS_AT, CHANNELS);
        BigEndian.writeInt(frame, STAMP_LENGTH_AT, 0);
    }

    /** Reads the header of the raw frame in {@code frame[0, length)} and checks the frame's length against it. */
    static RawHeader parse(byte[] frame, int length) throws MalformedFrameException {
        if (!startsWithMagic(frame, 0, length)) {
            throw new MalformedFrameException("no magic UDPVRAW1 at the start");
        }
        if (length < FIXED_BYTES) {
            throw new MalformedFrameException(length + " bytes cannot hold the " + FIXED_BYTES + "-byte header");
        }
        int height = BigEndian.readInt(frame, HEIGHT_AT);
        int width = BigEndian.readInt(frame, WIDTH_AT);
        int channels = BigEndian.readInt(frame, CHANNELS_AT);
        int stampLength = BigEndian.readInt(frame, STAMP_LENGTH_AT);
        if (channels != CHANNELS) {
            throw new MalformedFrameException("channels must be 3 (B, G, R), was "
                    + Integer.toUnsignedString(channels));
        }
        if (!FrameLimits.isDecodable(width, height)) { // also keeps height * width * 3 far below 2^31
            throw new MalformedFrameException("image size " + Integer.toUnsignedString(width) + "x"
                    + Integer.toUnsignedString(height) + " is outside 1x1.." + FrameLimits.MAX_DIMENSION + "x"
                    + FrameLimits.MAX_DIMENSION);
        }
        if (stampLength < 0 || stampLength > MAX_STAMP_BYTES) {
            throw new MalformedFrameException("stamp length must be 0.." + MAX_STAMP_BYTES + ", was "
                    + Integer.toUnsignedString(stampLength));
        }
        int pixelsAt = FIXED_BYTES + stampLength;
        long expected = pixelsAt + (long) height * width * CHANNELS;
        if (length != expected) {
            throw new MalformedFrameException("a " + width + "x" + height + " frame with a " + stampLength
                    + "-byte stamp is " + expected + " bytes, this one " + length);
        }
        FrameStamp stamp = null;
        if (stampLength > 0) {
            try {
                stamp = FrameStamp.parse(frame, FIXED_BYTES, stampLength);
            } catch (IllegalArgumentException e) {
                throw new MalformedFrameException("bad stamp field: " + e.getMessage());
            }
        }
        return new RawHeader(width, height, stamp, pixelsAt);
    }
}
