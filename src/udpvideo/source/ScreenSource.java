package udpvideo.source;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import udpvideo.viewer.Display;

/** The whole primary screen, captured with {@link Robot}. Needs a display; never ends. */
final class ScreenSource implements FrameSource {
    /** Rate used when no {@code --fps} is given: screen capture has no rate of its own. */
    private static final double DEFAULT_FPS = 30;

    private final Robot robot;
    private final Rectangle bounds;

    private ScreenSource(Robot robot, Rectangle bounds) {
        this.robot = robot;
        this.bounds = bounds;
    }

    static ScreenSource open() throws SourceException {
        String absence = Display.absence();
        if (absence != null) {
            throw new SourceException("--source screen needs a display: " + absence
                    + (Display.unreachable() == null ? " (is DISPLAY set?)" : ""));
        }
        try {
            var device = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            return new ScreenSource(new Robot(device), device.getDefaultConfiguration().getBounds());
        } catch (AWTException | SecurityException e) {
            throw new SourceException("cannot capture the screen: " + e.getMessage());
        }
    }

    @Override
    public BufferedImage next() {
        return robot.createScreenCapture(bounds);
    }

    @Override
    public double naturalFramesPerSecond() {
        return DEFAULT_FPS;
    }

    @Override
    public String description() {
        return "screen " + bounds.width + "x" + bounds.height;
    }

    @Override
    public void close() {
        // a Robot holds no resource that needs releasing
    }
}
