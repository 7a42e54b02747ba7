package udpvideo.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.AWTError;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import udpvideo.cli.StopSignal;
import udpvideo.codec.jpeg.fast.JpegDecoder;
import udpvideo.codec.jpeg.fast.JpegEncoder;
import udpvideo.receiver.Receiver;
import udpvideo.receiver.ReceiverConfig;
import udpvideo.receiver.ReceiverStats;
import udpvideo.source.TestPatternSource;
import udpvideo.stamp.FrameStamp;
import udpvideo.codec.jpeg.JpegCommentStamper;

/**
 * The viewer in a real window: a test-pattern frame sent over loopback to a {@link Receiver} appears in its
 * {@link FrameWindow} at 1:1, pixel for pixel outside the FPS overlay, and gives way to "no signal" when frames
 * stop. The pixels are read back from the screen with {@link Robot}, so this checks what a user would see.
 *
 * <p>Needs a display: {@code make test} runs under Xvfb when it is installed; without one these tests are skipped.
 */
class FrameWindowTest {
    private static final Dimension SIZE = TestPatternSource.DEFAULT_SIZE;
    private static final int QUALITY = 80;
    /** The frame the sender repeats. */
    private static final long SENT_FRAME = 7;
    /** A frame the window must not be mistaken for: the gradient has scrolled, the shapes have moved. */
    private static final long OTHER_FRAME = 45;
    /** The window decodes the same bytes with the same decoder, so only a repaint bug could exceed this. */
    private static final double SAME_FRAME_MAX_LEVELS = 3;
    /** Proves the comparison can tell frames apart. */
    private static final double OTHER_FRAME_MIN_LEVELS = 20;
    /** The overlay darkens its box by 150/255 and writes in green: far more than a JPEG's rounding. */
    private static final double OVERLAY_MIN_LEVELS = 20;
    private static final long SHOWN_TIMEOUT_MS = 10_000;
    /** The display thread shows "no signal" after 1 s without a frame; the rest is margin for a slow machine. */
    private static final long NO_SIGNAL_TIMEOUT_MS = 3_000;
    private static final long POLL_MS = 20;
    /** Probed once: a failed probe leaves AWT unable to try again in this JVM. */
    private static final boolean HAS_DISPLAY = hasDisplay();

    private final StopSignal stop = new StopSignal();
    private BufferedImage sentFrame;
    private BufferedImage otherFrame;
    private Robot robot;
    private FrameWindow window;
    private Receiver receiver;
    private FrameRepeater sender;

    @BeforeEach
    void sendFrameUntilPainted() throws Exception {
        assumeTrue(HAS_DISPLAY, "needs a display (make test runs under xvfb-run when installed)");
        TestPatternSource pattern = new TestPatternSource(SIZE);
        byte[] sentJpeg;
        byte[] otherJpeg;
        try (JpegEncoder encoder = new JpegEncoder(QUALITY)) {
            // render() reuses one image, so each frame is encoded before the next is drawn
            sentJpeg = encoder.encode(pattern.render(SENT_FRAME));
            otherJpeg = encoder.encode(pattern.render(OTHER_FRAME));
        }
        sentFrame = decodeStamped(sentJpeg, SENT_FRAME);
        otherFrame = decodeStamped(otherJpeg, OTHER_FRAME);
        robot = new Robot();

        window = FrameWindow.open("test", () -> stop.stop("closed"));
        receiver = Receiver.start(ReceiverConfig.onPort(0)
                .bind(InetAddress.getLoopbackAddress())
                .build(), window, stop, System.err);
        sender = FrameRepeater.start(sentJpeg, SENT_FRAME,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.localAddress().getPort()));
        awaitPaintedFrames();
    }

    @AfterEach
    void closeAll() throws Exception {
        try {
            if (sender != null) {
                sender.close();
            }
            if (receiver != null) {
                receiver.close(); // closes the window too
            }
        } finally {
            if (window != null) {
                window.close(); // in case the receiver never started; a second dispose does nothing
            }
        }
    }

    @Test
    void windowShowsReceivedFrameAtOneToOne(TestReporter reporter) throws Exception {
        BufferedImage shot = captureFrameArea();
        save(shot, Path.of("build", "viewer-screenshot.png"));
        save(shot, Path.of(System.getProperty("java.io.tmpdir"), "viewer-screenshot.png"));
        assertEquals(SIZE, new Dimension(shot.getWidth(), shot.getHeight()), "the window's frame area");

        double toSent = PixelDifference.meanOutside(shot, sentFrame, FramePainter.OVERLAY_BOUNDS);
        double toOther = PixelDifference.meanOutside(shot, otherFrame, FramePainter.OVERLAY_BOUNDS);
        reporter.publishEntry("mean difference outside the overlay, levels", String.format(Locale.ROOT,
                "sent frame %.3f, other frame %.3f", toSent, toOther));
        assertTrue(toSent < SAME_FRAME_MAX_LEVELS, "differs from the sent frame by a mean of " + toSent + " levels");
        assertTrue(toOther > OTHER_FRAME_MIN_LEVELS, "differs from another frame by a mean of only " + toOther
                + " levels: the comparison cannot tell frames apart");
    }

    @Test
    void windowDrawsFpsOverlayOverTopLeftCorner(TestReporter reporter) throws Exception {
        BufferedImage shot = captureFrameArea();
        double toSent = PixelDifference.meanInside(shot, sentFrame, FramePainter.OVERLAY_BOUNDS);
        int text = countGreenTextPixels(shot, FramePainter.OVERLAY_BOUNDS);
        reporter.publishEntry("overlay", String.format(Locale.ROOT,
                "differs from the frame by %.1f levels, %d green text pixels", toSent, text));
        assertTrue(toSent > OVERLAY_MIN_LEVELS, "overlay box differs from the frame by only " + toSent + " levels");
        // "FPS: 0.0" in 16-point bold has well over a hundred; a few stray green pixels must not pass
        assertTrue(text > 50, "only " + text + " green text pixels in the overlay box");
    }

    @Test
    void windowShowsNoSignalWhenFramesStop(TestReporter reporter) throws Exception {
        // the window paints "no signal" before its first frame too, so first see the frame, then its loss
        double before = PixelDifference.fractionOf(captureFrameArea(), Color.DARK_GRAY);
        assertTrue(before < 0.1, "dark grey before the sender stopped: " + before);

        sender.close();
        long stopped = System.nanoTime();
        long deadline = stopped + NO_SIGNAL_TIMEOUT_MS * 1_000_000;
        double dark;
        do {
            Thread.sleep(POLL_MS);
            dark = PixelDifference.fractionOf(captureFrameArea(), Color.DARK_GRAY);
        } while (dark < 0.9 && System.nanoTime() < deadline);
        reporter.publishEntry("no signal", String.format(Locale.ROOT, "%.1f%% dark grey after %d ms",
                100 * dark, (System.nanoTime() - stopped) / 1_000_000));
        // the rest is the white "no signal" text
        assertTrue(dark >= 0.9, "only " + dark + " of the window is dark grey "
                + NO_SIGNAL_TIMEOUT_MS + " ms after the last frame");
    }

    /**
     * Whether a window can open. {@code isHeadless()} alone is not enough: under {@code -Djava.awt.headless=false}
     * (as {@code make test} passes) it says false even with no X server, and opening a window throws AWTError.
     * After that AWTError, AWT's local graphics environment class stays uninitialised in this JVM, so a probe
     * by another test class earlier in the run shows up here as NoClassDefFoundError.
     */
    private static boolean hasDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            return GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices().length > 0;
        } catch (AWTError | HeadlessException | NoClassDefFoundError ignored) {
            return false; // no X server to connect to: the same as headless for these tests
        }
    }

    /** Decodes the frame exactly as the receiver gets it: stamped, through the receiver's decoder. */
    private static BufferedImage decodeStamped(byte[] jpeg, long frameNumber) throws Exception {
        byte[] stamped = new JpegCommentStamper().stamp(jpeg, jpeg.length, frameNumber, FrameStamp.currentTimeMicros());
        try (JpegDecoder decoder = new JpegDecoder()) {
            return decoder.decode(stamped, stamped.length);
        }
    }

    /** Waits until the window has painted a few frames: latency is recorded only once a paint really happened. */
    private void awaitPaintedFrames() throws InterruptedException {
        ReceiverStats stats = receiver.stats();
        long deadline = System.nanoTime() + SHOWN_TIMEOUT_MS * 1_000_000;
        while (stats.shown() < 3 || stats.latencyMillis(0.5) == null) {
            if (System.nanoTime() > deadline) {
                fail("after " + SHOWN_TIMEOUT_MS + " ms: " + sender.framesSent() + " frames sent, "
                        + stats.accepted() + " accepted, " + stats.shown() + " shown, " + stats.rejected()
                        + " rejected (" + stats.lastRejection() + "), sender failure: " + sender.failure());
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** What the screen shows where the window paints frames, once every paint asked for so far is done. */
    private BufferedImage captureFrameArea() throws Exception {
        SwingUtilities.invokeAndWait(() -> { }); // queued behind the paints already requested
        Toolkit.getDefaultToolkit().sync(); // and the X server has drawn them
        Rectangle bounds = window.frameBoundsOnScreen();
        return robot.createScreenCapture(bounds);
    }

    /** Pixels of the overlay's green text: brighter green than the darkened frame behind it can be. */
    private static int countGreenTextPixels(BufferedImage image, Rectangle region) {
        int count = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 0xFF;
                int green = rgb >> 8 & 0xFF;
                int blue = rgb & 0xFF;
                if (green > 160 && green > red + 80 && green > blue + 80) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Keeps a screenshot for a person to look at; {@code build/} is git-ignored. */
    private static void save(BufferedImage image, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
