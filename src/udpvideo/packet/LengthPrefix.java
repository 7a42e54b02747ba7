package udpvideo.packet;

/**
 * The stream framing of the length-prefixed tutorial: each frame is {@code [4-byte big-endian length][frame]}, so
 * a reader of a byte stream (TCP) knows where one frame ends and the next begins. Pure.
 */
public final class LengthPrefix {
    /** Bytes of the length in front of every frame. */
    public static final int HEADER_BYTES = 4;
    /**
     * The largest frame a reader takes, 64 MiB: a raw 8192 x 8192 frame is 192 MiB, but nothing a camera sends
     * comes near this, and a reader must not allocate whatever a stranger's four bytes claim.
     */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private LengthPrefix() {
    }

    /** Writes {@code length} into {@code out[0, 4)}, big-endian. */
    public static void write(int length, byte[] out) {
        out[0] = (byte) (length >>> 24);
        out[1] = (byte) (length >>> 16);
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
    }

    /**
     * Reads the length in {@code header[0, 4)}.
     *
     * @throws FrameTooLargeException when it is not a length {@link #check} admits
     */
    public static int read(byte[] header) throws FrameTooLargeException {
        int length = (header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8
                | header[3] & 0xFF;
        check(length);
        return length;
    }

    /**
     * Refuses a frame length a reader would not take: none, or over {@link #MAX_FRAME_BYTES} (read as a signed
     * int, an unsigned length over 2 GB is negative).
     */
    public static void check(int length) throws FrameTooLargeException {
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new FrameTooLargeException("a frame of " + Integer.toUnsignedString(length)
                    + " bytes, which is " + (length < 1 ? "not a frame" : "over " + MAX_FRAME_BYTES + " bytes"));
        }
    }
}
