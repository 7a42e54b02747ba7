package udpvideo.viewer;

import java.awt.image.BufferedImage;

/**
 * Where decoded frames end up: a window on screen, or an offscreen image when there is no display.
 *
 * <p>Called from one presenting thread at a time, and closed by its owner; a window hands over to Swing's event
 * thread itself.
 */
public interface FrameView extends AutoCloseable {
    /**
     * Shows a frame. The view keeps the image until the next one, so the caller must not change it afterwards.
     *
     * @param overlay   text drawn over the frame's top-left corner, such as "FPS: 30.0"
     * @param onPainted run once, on the painting thread, when the frame has been painted (for latency)
     */
    void show(BufferedImage frame, String overlay, Runnable onPainted);

    /** Replaces the last frame by a "no signal" notice, so a dead stream never looks like a frozen one. */
    void showNoSignal();

    /** A one-line status: the window's title, or a line on stderr when headless. */
    void setStatus(String status);

    /** Closes the window, if any. Never throws. */
    @Override
    void close();
}
