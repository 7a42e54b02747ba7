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
    /**
     * Decoded images of one frame's size ({@code TYPE_INT_RGB}, 4 bytes a pixel) a receiver may hold at once, as
     * {@code udpvideo.receiver} is written: the display's recycler keeps up to 3 shown and 1 spare, the display
     * decodes into 1 more, the offscreen view paints into a canvas of the same size, and the verifier decodes 1
     * unstamped frame while the one before waits in the mailbox.
     */
    public static final int IMAGES_HELD = 8;
    /**
     * Whole-frame buffers the decoders keep besides, 3 bytes a pixel (the R, G, B rows ImageIO decodes into): the
     * display's and the verifier's.
     */
    public static final int DECODER_BUFFERS_HELD = 2;
    /** Share of the heap a frame's images may take: the rest is for the receiver's other buffers and the collector. */
    private static final double HEAP_SHARE = 0.75;
    private static final long MB = 1024 * 1024;

    private FrameLimits() {
    }

    /** Whether {@code width} x {@code height} is a size a receiver decodes: 1x1 up to the maximum. */
    public static boolean isDecodable(int width, int height) {
        return width >= 1 && height >= 1 && width <= MAX_DIMENSION && height <= MAX_DIMENSION;
    }

    /** Heap a receiver needs to decode and show frames of {@code width} x {@code height}: every image it holds. */
    public static long heapBytesToShow(int width, int height) {
        return (long) width * height * (4L * IMAGES_HELD + 3L * DECODER_BUFFERS_HELD);
    }

    /**
     * The rule that bounds what any accepted frame can cost: a frame is decoded only when every image of its size
     * a receiver may hold fits in three quarters of {@code maxHeapBytes} (the JVM's {@code Runtime.maxMemory()}).
     */
    public static boolean fitsInHeap(int width, int height, long maxHeapBytes) {
        return heapBytesToShow(width, height) <= maxHeapBytes * HEAP_SHARE;
    }

    /** Why a frame of that size is not decoded with {@code maxHeapBytes} of heap, and the option that fits it. */
    public static String tooLargeForHeap(int width, int height, long maxHeapBytes) {
        long needed = heapBytesToShow(width, height);
        return String.format("image size %dx%d needs %d MB of heap to decode and show, more than %.0f%% of the"
                + " %d MB this program has: start it with JAVA_OPTS=-Xmx%dm", width, height, (needed + MB - 1) / MB,
                HEAP_SHARE * 100, maxHeapBytes / MB, heapToAskMb(needed));
    }

    /**
     * Why a frame that passed {@link #fitsInHeap} still ran out of memory (the heap was full of other things),
     * and the option that gives it room.
     */
    public static String outOfMemory(int width, int height, long maxHeapBytes) {
        return String.format("out of memory decoding or showing a %dx%d frame with %d MB of heap: start it with"
                + " JAVA_OPTS=-Xmx%dm", width, height, maxHeapBytes / MB,
                Math.max(heapToAskMb(heapBytesToShow(width, height)), 2 * maxHeapBytes / MB));
    }

    /** The -Xmx, in MB and a multiple of 64, whose share holds {@code bytes}. */
    private static long heapToAskMb(long bytes) {
        return ((long) Math.ceil(bytes / HEAP_SHARE / MB) + 63) / 64 * 64;
    }
}
