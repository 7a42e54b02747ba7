package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Decode destinations for the display thread, reused once the view can no longer paint them, so a 1080p stream
 * does not allocate (and the collector clear) 6 MB a frame.
 *
 * <p>The view keeps only its newest frame: once a frame has been painted, every frame shown before it is free.
 * Images are numbered as shown; the view's paint callback (on whatever thread paints) raises the number painted.
 * Until the view catches up, new images are made. {@link FramePresenter} calls everything but the callback, on the
 * display thread.
 */
final class ImageRecycler {
    /**
     * Images shown and not yet known to be free, beyond which the oldest are forgotten (left to the collector):
     * the one on screen, the one before it (free once the newer is painted) and one more for a window a frame
     * behind. Counted in {@link udpvideo.codec.FrameLimits#IMAGES_HELD}.
     */
    static final int MAX_TRACKED = 3;
    /** Most images kept that were decoded into but not shown: the one display thread needs one at a time. */
    static final int MAX_SPARES = 1;

    /** An image the view was given, and its number in show order. */
    private record Shown(long number, BufferedImage image) {
    }

    private final ArrayDeque<Shown> shown = new ArrayDeque<>();
    /** The highest number the view has painted; written by the painting thread. */
    private volatile long paintedUpTo = -1;
    private long nextNumber;
    /** Images decoded into but not shown: a decode that failed, or one the decoder did not use. */
    private final ArrayDeque<BufferedImage> spares = new ArrayDeque<>();

    /** An image to decode a {@code width} x {@code height} frame into: free for reuse, or new. */
    BufferedImage acquire(int width, int height) {
        while (!spares.isEmpty()) {
            BufferedImage image = spares.pop();
            if (fits(image, width, height)) {
                return image;
            } // another size: the stream changed size, so it is of no more use
        }
        for (Iterator<Shown> it = shown.iterator(); it.hasNext();) {
            Shown old = it.next();
            if (old.number >= paintedUpTo) {
                break; // the view may still paint this one, and every one after it
            }
            it.remove();
            if (fits(old.image, width, height)) {
                return old.image;
            }
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Notes that {@code image} goes to the view; returns what the view must run once it has painted it. */
    Runnable show(BufferedImage image) {
        long number = nextNumber++;
        shown.addLast(new Shown(number, image));
        if (shown.size() > MAX_TRACKED) {
            shown.removeFirst();
        }
        return () -> {
            if (number > paintedUpTo) {
                paintedUpTo = number; // only the painting thread writes it
            }
        };
    }

    /** Takes back an image that was decoded into but will not be shown. */
    void unused(BufferedImage image) {
        if (spares.size() < MAX_SPARES) {
            spares.push(image);
        }
    }

    private static boolean fits(BufferedImage image, int width, int height) {
        return image != null && image.getWidth() == width && image.getHeight() == height;
    }
}
