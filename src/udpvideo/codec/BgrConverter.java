package udpvideo.codec;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Copies a picture of any layout into a {@code TYPE_3BYTE_BGR} image it reuses while the size stays the same, for
 * encoders that read B, G, R bytes (a screen capture comes as ints). Used by one encoding thread.
 */
public final class BgrConverter {
    private BufferedImage converted;

    /** {@code image} as B, G, R bytes, in this converter's image: valid until the next call. */
    public BufferedImage convert(BufferedImage image) {
        if (converted == null || converted.getWidth() != image.getWidth()
                || converted.getHeight() != image.getHeight()) {
            converted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = converted.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // replace the last frame's pixels, never blend with them
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }
}
