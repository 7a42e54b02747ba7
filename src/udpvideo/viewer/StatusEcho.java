package udpvideo.viewer;

import java.awt.image.BufferedImage;
import java.io.PrintStream;

/**
 * A view that also prints each status line to a terminal: with a window open, the title shows the status, and
 * the terminal, where a teacher looks, still gets it once a second. Owns the view it wraps.
 */
public final class StatusEcho implements FrameView {
    private final FrameView view;
    private final PrintStream terminal;

    /** Wraps {@code view}, printing its status lines to {@code terminal} too. */
    public StatusEcho(FrameView view, PrintStream terminal) {
        this.view = view;
        this.terminal = terminal;
    }

    @Override
    public void show(BufferedImage frame, String overlay, Runnable onPainted) {
        view.show(frame, overlay, onPainted);
    }

    @Override
    public void showNoSignal() {
        view.showNoSignal();
    }

    @Override
    public void setStatus(String status) {
        view.setStatus(status);
        terminal.println(status);
    }

    @Override
    public void close() {
        view.close();
    }
}
