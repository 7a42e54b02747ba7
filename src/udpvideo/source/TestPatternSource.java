package udpvideo.source;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import udpvideo.codec.FrameLimits;

/**
 * An animated test pattern: colour gradients under camera-like grain and texture, moving shapes, the frame number
 * and a clock.
 *
 * <p>Each image depends on the frame number alone ({@link #render(long)}), so a test can draw the frame the
 * sender sent. The clock reads frame number / 30 s. Never ends; needs no camera, no OpenCV and no display.
 *
 * <p>The background ({@link PatternBackground}) carries camera-like grain, so JPEG sizes are realistic: about
 * 50 KB at 640x480, 140 KB at 1280x720 and 300 KB at 1920x1080 at quality 80. It is drawn once; a frame costs a
 * copy of it, shifted, plus a few shapes, so the pattern is never what limits a benchmark.
 */
public final class TestPatternSource implements FrameSource {
    /** The size used when {@code --size} is not given. */
    public static final Dimension DEFAULT_SIZE = new Dimension(640, 480);
    /** The pattern's own rate: the clock advances 1/30 s per frame, and the sender paces at it by default. */
    public static final double FRAMES_PER_SECOND = 30;
    /** Pixels the gradient moves left per frame, so that any two frames differ all over, not just where shapes are. */
    static final int SCROLL_PIXELS_PER_FRAME = 8;

    private final int width;
    private final int height;
    /**
     * The gradient with its grain and texture, computed once at twice the width: each frame copies a window of
     * it, shifted by its number, so the noise costs nothing per frame.
     */
    private final byte[] background;
    /** The image handed out by {@link #next()} and {@link #render}; overwritten each frame. */
    private final BufferedImage image;
    private final Font font;
    private long frameNumber;

    /** A pattern of the given size, from {@link FrameLimits#MIN_WIDTH} x {@link FrameLimits#MIN_HEIGHT} up. */
    public TestPatternSource(Dimension size) {
        if (size.width < FrameLimits.MIN_WIDTH || size.height < FrameLimits.MIN_HEIGHT
                || size.width > FrameLimits.MAX_DIMENSION || size.height > FrameLimits.MAX_DIMENSION) {
            throw new IllegalArgumentException("test pattern size must be " + FrameLimits.MIN_WIDTH + "x"
                    + FrameLimits.MIN_HEIGHT + ".." + FrameLimits.MAX_DIMENSION + "x" + FrameLimits.MAX_DIMENSION
                    + ", was " + size.width + "x" + size.height);
        }
        width = size.width;
        height = size.height;
        image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        background = PatternBackground.draw(width, height);
        font = new Font(Font.MONOSPACED, Font.BOLD, Math.max(12, height / 12));
    }

    @Override
    public BufferedImage next() {
        return render(frameNumber++);
    }

    /** Draws the next frame straight into {@code target} when it fits, saving a copy. */
    @Override
    public BufferedImage next(BufferedImage target) {
        return renderInto(frameNumber++, FrameSource.fits(target, width, height) ? target
                : new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR));
    }

    /** Draws frame {@code number} into this source's image and returns it. */
    public BufferedImage render(long number) {
        return renderInto(number, image);
    }

    private BufferedImage renderInto(long number, BufferedImage image) {
        byte[] pixels = pixels(image);
        int shift = (int) (number * SCROLL_PIXELS_PER_FRAME % width);
        for (int y = 0; y < height; y++) {
            System.arraycopy(background, (y * 2 * width + shift) * 3, pixels, y * width * 3, width * 3);
        }
        Graphics2D g = image.createGraphics();
        try {
            drawShapes(g, number);
            drawLabels(g, number);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawShapes(Graphics2D g, long number) {
        double t = number / FRAMES_PER_SECOND;
        int ball = height / 5;
        int x = (int) ((width - ball) * (0.5 + 0.45 * Math.sin(t * 1.3)));
        int y = (int) ((height - ball) * (0.5 + 0.45 * Math.sin(t * 2.1 + 1)));
        g.setColor(new Color(250, 220, 40));
        g.fillOval(x, y, ball, ball);

        int bar = width / 16;
        int barX = (int) (number * 4 % (width + bar)) - bar;
        g.setColor(new Color(30, 30, 30));
        g.fillRect(barX, height / 2, bar, height / 2);

        int radius = height / 4;
        double angle = t * Math.PI / 2;
        int cx = width / 4;
        int cy = height / 2;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(2, height / 120f)));
        g.drawOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        g.drawLine(cx, cy, cx + (int) (radius * Math.sin(angle)), cy - (int) (radius * Math.cos(angle)));
    }

    private void drawLabels(Graphics2D g, long number) {
        long centiseconds = Math.round(number * 100 / FRAMES_PER_SECOND);
        String clock = String.format("%02d:%02d.%02d", centiseconds / 6000, centiseconds / 100 % 60,
                centiseconds % 100);
        g.setFont(font);
        int line = g.getFontMetrics().getHeight();
        int x = width / 20;
        int y = height - 2 * line + g.getFontMetrics().getAscent(); // two lines of text, ending at the bottom
        g.setColor(Color.BLACK);
        g.fillRect(x - 4, y - g.getFontMetrics().getAscent(), g.getFontMetrics().stringWidth("frame 0000000") + 8,
                2 * line);
        g.setColor(Color.WHITE);
        g.drawString("frame " + number, x, y);
        g.drawString(clock, x, y + line);
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Override
    public double naturalFramesPerSecond() {
        return FRAMES_PER_SECOND;
    }

    @Override
    public String description() {
        return "test pattern " + width + "x" + height;
    }

    @Override
    public void close() {
        // nothing to release: the pattern holds only memory
    }
}
