package udpvideo.viewer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** q, Esc and the window's close button each quit, through real input events on a (virtual) display. */
@Timeout(30)
class FrameWindowQuitTest {
    private static final String TITLE = "udpvideo quit test";
    private static final boolean HAS_DISPLAY = hasDisplay();

    private final CountDownLatch quit = new CountDownLatch(1);
    private FrameWindow window;

    @BeforeEach
    void openWindow() {
        assumeTrue(HAS_DISPLAY, "needs a display (make test runs under xvfb-run when installed)");
        window = FrameWindow.open(TITLE, quit::countDown);
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void qQuits() throws Exception {
        press(KeyEvent.VK_Q);
        assertTrue(quit.await(5, TimeUnit.SECONDS), "q did not quit");
    }

    @Test
    void escapeQuits() throws Exception {
        press(KeyEvent.VK_ESCAPE);
        assertTrue(quit.await(5, TimeUnit.SECONDS), "Esc did not quit");
    }

    @Test
    void closingTheWindowQuits() throws Exception {
        SwingUtilities.invokeAndWait(() -> Arrays.stream(Frame.getFrames())
                .filter(frame -> TITLE.equals(frame.getTitle()))
                .forEach(frame -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING))));
        assertTrue(quit.await(5, TimeUnit.SECONDS), "closing the window did not quit");
    }

    /** Types a key into the window: the pointer over it gives it the keyboard when no window manager runs. */
    private void press(int key) throws Exception {
        Robot robot = new Robot();
        Rectangle bounds = window.frameBoundsOnScreen();
        SwingUtilities.invokeAndWait(() -> Arrays.stream(Frame.getFrames())
                .filter(frame -> TITLE.equals(frame.getTitle()))
                .forEach(Frame::requestFocus));
        robot.mouseMove(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        robot.waitForIdle();
        robot.keyPress(key);
        robot.keyRelease(key);
        robot.waitForIdle();
    }

    private static boolean hasDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            new Robot();
            return true;
        } catch (AWTException | AWTError | HeadlessException e) {
            return false; // no X server to talk to: the tests are skipped, not failed
        }
    }
}
