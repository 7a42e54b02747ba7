package udpvideo.sender;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Resizes frames to a fixed width (from {@code --width}), keeping the aspect ratio, with bilinear
 * interpolation. Reuses its output image while the input size stays the same. One thread uses a scaler.
 */
final class FrameScaler {
    private final int width;
    private BufferedImage scaled;

    /** A scaler to {@code width} pixels; 0 passes frames through unchanged. */
    FrameScaler(int width) {
        this.width = width;
    }

    /** The frame at the configured width; the same image when no width is set or it already has it. */
    BufferedImage scale(BufferedImage frame) {
        if (width == 0 || frame.getWidth() == width) {
            return frame;
        }
        int height = Math.max(1, (int) Math.round((double) frame.getHeight() * width / frame.getWidth()));
        if (scaled == null || scaled.getWidth() != width || scaled.getHeight() != height) {
            scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
