package udpvideo.viewer;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Paints a frame into an area: scaled to fit with its aspect ratio kept, black bars around it, and a small
 * text overlay in the top-left corner. The window and the headless offscreen view share it, so they paint alike.
 * Stateless; called on whichever thread paints.
 */
public final class FramePainter {
    /** The area the overlay may cover, from the top-left corner; pixels outside it show only the frame. */
    public static final Rectangle OVERLAY_BOUNDS = new Rectangle(0, 0, 180, 30);

    private static final Font OVERLAY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTICE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 28);
    private static final Color OVERLAY_BACKGROUND = new Color(0, 0, 0, 150);

    /** Where a frame of the given size lands in an area of the given size: centred, aspect ratio kept. */
    public static Rectangle fit(int frameWidth, int frameHeight, int areaWidth, int areaHeight) {
        double scale = Math.min((double) areaWidth / frameWidth, (double) areaHeight / frameHeight);
        int width = (int) Math.round(frameWidth * scale);
        int height = (int) Math.round(frameHeight * scale);
        return new Rectangle((areaWidth - width) / 2, (areaHeight - height) / 2, width, height);
    }

    /** Paints {@code frame} into the area {@code (0, 0, width, height)} of {@code g}, then the overlay. */
    public void paintFrame(Graphics2D g, BufferedImage frame, int width, int height, String overlay) {
        Rectangle target = fit(frame.getWidth(), frame.getHeight(), width, height);
        g.setColor(Color.BLACK);
        if (target.width != width || target.height != height) {
            g.fillRect(0, 0, width, height);
        }
        if (target.width == frame.getWidth() && target.height == frame.getHeight()) {
            g.drawImage(frame, target.x, target.y, null); // 1:1, no resampling
        } else {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, target.x, target.y, target.width, target.height, null);
        }
        if (overlay != null && !overlay.isEmpty()) {
            paintOverlay(g, overlay);
        }
    }

    /** Paints the "no signal" notice over a dark area. */
    public void paintNoSignal(Graphics2D g, int width, int height) {
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(NOTICE_FONT);
        g.setColor(Color.WHITE);
        FontMetrics metrics = g.getFontMetrics();
        String text = "no signal";
        g.drawString(text, (width - metrics.stringWidth(text)) / 2, (height + metrics.getAscent()) / 2);
    }

    private static void paintOverlay(Graphics2D g, String overlay) {
        Rectangle box = OVERLAY_BOUNDS;
        g.setColor(OVERLAY_BACKGROUND);
        g.fillRect(box.x, box.y, box.width, box.height);
        Graphics2D text = (Graphics2D) g.create();
        try {
            text.clip(box); // the overlay never spills outside its box, whatever the text
            text.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            text.setFont(OVERLAY_FONT);
            text.setColor(Color.GREEN);
            text.drawString(overlay, box.x + 8, box.y + 21);
        } finally {
            text.dispose();
        }
    }
}
