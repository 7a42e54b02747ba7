package udpvideo.viewer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;

/**
 * The view used without a window: paints each frame into an offscreen image with the same painter the window
 * uses (so headless runs measure the same work), and prints the status line instead of showing it in a title.
 * Called by one thread at a time (it paints on the caller's thread); its owner closes it.
 */
public final class OffscreenView implements FrameView {
    private final FramePainter painter = new FramePainter();
    private final PrintStream statusOut;
    /** The canvas, reallocated only when the frame size changes. */
    private BufferedImage canvas;

    /** A view that prints its status lines to {@code statusOut}. */
    public OffscreenView(PrintStream statusOut) {
        this.statusOut = statusOut;
    }

    @Override
    public void show(BufferedImage frame, String overlay, Runnable onPainted) {
        if (canvas == null || canvas.getWidth() != frame.getWidth() || canvas.getHeight() != frame.getHeight()) {
            canvas = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            painter.paintFrame(g, frame, canvas.getWidth(), canvas.getHeight(), overlay);
        } finally {
            g.dispose();
        }
        onPainted.run();
    }

    @Override
    public void showNoSignal() {
        // nothing on screen to replace: the status line already reports 0 fps
    }

    @Override
    public void setStatus(String status) {
        statusOut.println(status);
    }

    @Override
    public void close() {
        canvas = null;
    }
}
