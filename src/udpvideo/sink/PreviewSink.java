package udpvideo.sink;

import java.awt.image.BufferedImage;
import udpvideo.source.FrameSource;
import udpvideo.viewer.FrameView;

/**
 * Shows what the sender sends in a window of its own ({@code --preview}). Owns the view and closes it.
 */
public final class PreviewSink implements FrameSink {
    private final FrameView view;

    /** A preview into {@code view}, which this sink now owns. */
    public PreviewSink(FrameView view) {
        this.view = view;
    }

    @Override
    public void accept(byte[] frame, int length, BufferedImage picture) {
        if (picture != null) {
            // the view paints later, on Swing's thread, while the encoder reuses its image: give it a copy
            view.show(FrameSource.copy(picture, null), "sending", () -> { });
        }
    }

    @Override
    public String description() {
        return "preview";
    }

    @Override
    public void close() {
        view.close();
    }
}
