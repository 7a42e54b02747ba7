package udpvideo.viewer;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * A bare window that shows frames: sized to the first frame (1:1 when the screen allows), scaled with its
 * aspect ratio kept when the user resizes it. q, Esc or closing the window runs the {@code onQuit} action.
 *
 * <p>Any thread may call the {@link FrameView} methods; the window itself is built and painted only on Swing's
 * event thread. The newest frame always wins: {@link #show} replaces the frame to paint and asks for a repaint,
 * and Swing folds repaint requests that pile up into one.
 */
public final class FrameWindow implements FrameView {
    /** Fraction of the screen the window may take when it first opens. */
    private static final double MAX_SCREEN_FRACTION = 0.9;

    private final JFrame window;
    private final FramePanel panel = new FramePanel();
    /** Set by the first frame, which the window is then sized to. */
    private final AtomicBoolean sizeRequested = new AtomicBoolean();

    private FrameWindow(String title, Runnable onQuit) {
        window = new JFrame(title);
        window.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        window.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onQuit.run();
            }
        });
        window.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() == KeyEvent.VK_Q || e.getKeyCode() == KeyEvent.VK_ESCAPE) {
                    onQuit.run();
                }
            }
        });
        panel.setPreferredSize(new Dimension(640, 480));
        window.setContentPane(panel);
        window.pack();
        window.setLocationByPlatform(true); // let the desktop place it, beside any other window of ours
        window.setVisible(true);
    }

    /**
     * Opens a window, waiting until it is on screen.
     *
     * @throws IllegalStateException when there is no display
     */
    public static FrameWindow open(String title, Runnable onQuit) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("no display to open a window on");
        }
        FrameWindow[] window = new FrameWindow[1];
        try {
            SwingUtilities.invokeAndWait(() -> window[0] = new FrameWindow(title, onQuit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open a window: " + e.getCause().getMessage(), e.getCause());
        }
        return window[0];
    }

    @Override
    public void show(BufferedImage image, String overlay, Runnable onPainted) {
        panel.current = new Shown(image, overlay, onPainted);
        if (sizeRequested.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> sizeTo(image.getWidth(), image.getHeight()));
        }
        panel.repaint();
    }

    @Override
    public void showNoSignal() {
        panel.current = null;
        panel.repaint();
    }

    @Override
    public void setStatus(String status) {
        SwingUtilities.invokeLater(() -> window.setTitle(status));
    }

    /** Where the frame's pixels are on screen, for tests that compare them. Event thread or not. */
    public Rectangle frameBoundsOnScreen() {
        Rectangle[] bounds = new Rectangle[1];
        try {
            SwingUtilities.invokeAndWait(() -> bounds[0] = new Rectangle(panel.getLocationOnScreen(), panel.getSize()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("window is gone", e.getCause());
        }
        return bounds[0];
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(window::dispose);
    }

    /** Event thread: fits the window to the first frame, within the screen. */
    private void sizeTo(int width, int height) {
        Rectangle screen = window.getGraphicsConfiguration().getBounds();
        Rectangle fitted = FramePainter.fit(width, height,
                (int) Math.min(width, screen.width * MAX_SCREEN_FRACTION),
                (int) Math.min(height, screen.height * MAX_SCREEN_FRACTION));
        panel.setPreferredSize(new Dimension(fitted.width, fitted.height));
        window.pack();
    }

    /** A frame waiting to be painted, with what to do once it is. */
    private record Shown(BufferedImage image, String overlay, Runnable onPainted) {
    }

    /** The component that paints the current frame. */
    private static final class FramePanel extends JComponent {
        private static final long serialVersionUID = 1L;
        private final transient FramePainter painter = new FramePainter();
        /** The newest frame; written by the presenting thread, read on the event thread. */
        private transient volatile Shown current;
        /** The frame whose onPainted already ran; event thread only. */
        private transient Shown reported;

        @Override
        protected void paintComponent(Graphics graphics) {
            Graphics2D g = (Graphics2D) graphics;
            Shown shown = current;
            if (shown == null) {
                painter.paintNoSignal(g, getWidth(), getHeight());
                return;
            }
            painter.paintFrame(g, shown.image, getWidth(), getHeight(), shown.overlay);
            if (shown != reported) {
                reported = shown; // a repaint after a resize is not a new frame
                shown.onPainted.run();
            }
        }
    }
}
