package udpvideo.viewer;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Measures how far a screenshot is from an expected image, in levels (0..255) per colour channel, so a test can
 * say "this is the frame that was sent" with a number instead of a byte-for-byte match that one rounding breaks.
 * Pure; both images must have the same size.
 */
final class PixelDifference {
    private PixelDifference() {
    }

    /** Mean absolute difference over R, G and B of every pixel outside {@code excluded}. */
    static double meanOutside(BufferedImage actual, BufferedImage expected, Rectangle excluded) {
        return mean(actual, expected, new Rectangle(0, 0, actual.getWidth(), actual.getHeight()), excluded);
    }

    /** Mean absolute difference over R, G and B of every pixel inside {@code region}. */
    static double meanInside(BufferedImage actual, BufferedImage expected, Rectangle region) {
        return mean(actual, expected, region, new Rectangle());
    }

    /** The fraction of pixels of exactly {@code colour}, alpha ignored. */
    static double fractionOf(BufferedImage image, Color colour) {
        int wanted = colour.getRGB() & 0xFF_FFFF;
        long matching = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF_FFFF) == wanted) {
                    matching++;
                }
            }
        }
        return (double) matching / ((long) image.getWidth() * image.getHeight());
    }

    private static double mean(BufferedImage actual, BufferedImage expected, Rectangle region, Rectangle excluded) {
        if (actual.getWidth() != expected.getWidth() || actual.getHeight() != expected.getHeight()) {
            throw new IllegalArgumentException("images must have the same size, were " + actual.getWidth() + "x"
                    + actual.getHeight() + " and " + expected.getWidth() + "x" + expected.getHeight());
        }
        long sum = 0;
        long channels = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                if (excluded.contains(x, y)) {
                    continue;
                }
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((a >> shift & 0xFF) - (e >> shift & 0xFF));
                    channels++;
                }
            }
        }
        if (channels == 0) {
            throw new IllegalArgumentException("no pixel left to compare in " + region + " without " + excluded);
        }
        return (double) sum / channels;
    }
}
