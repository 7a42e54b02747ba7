package udpvideo.codec;

/**
 * The sizes every part of udpvideo holds frames to, each in one place: what a sender may make and what a
 * receiver will decode.
 */
public final class FrameLimits {
    /**
     * Largest width or height a frame may have: 8192 x 8192 is already 256 MB as {@code TYPE_INT_RGB}. A 65 KB
     * datagram can declare a 4-gigapixel image (a decompression bomb): it is refused before any pixel memory.
     */
    public static final int MAX_DIMENSION = 8192;
    /** Smallest width of a frame a sender makes (the test pattern, {@code --size}). */
    public static final int MIN_WIDTH = 64;
    /** Smallest height of a frame a sender makes. */
    public static final int MIN_HEIGHT = 48;
    /** Most frames per second a sender paces at: beyond it, {@code --fps 0} (as fast as possible) is meant. */
    public static final int MAX_FRAMES_PER_SECOND = 1000;

    private FrameLimits() {
    }

    /** Whether {@code width} x {@code height} is a size a receiver decodes: 1x1 up to the maximum. */
    public static boolean isDecodable(int width, int height) {
        return width >= 1 && height >= 1 && width <= MAX_DIMENSION && height <= MAX_DIMENSION;
    }
}
