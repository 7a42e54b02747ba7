package udpvideo.source;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;

/**
 * Where the sender's frames come from: a camera, a video file, the screen or the test pattern.
 *
 * <p>A source is opened by {@link Sources#open}, read by one thread, and closed by whoever opened it (closing
 * releases the camera). A new kind of source is one new class beside the others.
 */
public interface FrameSource extends AutoCloseable {
    /**
     * The next frame, or null when the source has ended (end of file, camera unplugged). Blocks until a live
     * source has a frame. The image belongs to the source and may be overwritten by the next call.
     */
    BufferedImage next() throws IOException;

    /**
     * The next frame as a {@code TYPE_3BYTE_BGR} image the caller owns: written into {@code target} when it has
     * the frame's size and that type (no allocation per frame),
     * else into a new image. Null when the source has ended. Sources override it to skip the copy.
     */
    default BufferedImage next(BufferedImage target) throws IOException {
        BufferedImage frame = next();
        return frame == null ? null : copy(frame, target);
    }

    /** Copies {@code frame} into {@code target} when it fits, else into a new image; returns the copy. */
    static BufferedImage copy(BufferedImage frame, BufferedImage target) {
        int width = frame.getWidth();
        int height = frame.getHeight();
        BufferedImage copy = fits(target, width, height) ? target
                : new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        if (frame.getType() == BufferedImage.TYPE_3BYTE_BGR && frame.getRaster().getParent() == null) {
            byte[] from = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            byte[] to = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
            System.arraycopy(from, 0, to, 0, to.length); // same layout: one bulk copy
        } else {
            Graphics2D g = copy.createGraphics();
            try {
                g.drawImage(frame, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        return copy;
    }

    /** Whether {@code image} is a {@code TYPE_3BYTE_BGR} image of the given size. */
    static boolean fits(BufferedImage image, int width, int height) {
        return image != null && image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getWidth() == width
                && image.getHeight() == height;
    }

    /** The rate to pace at when the user gives no {@code --fps}; 0 when the source paces itself (a camera). */
    double naturalFramesPerSecond();

    /** What this source is, for messages: "camera 0", "file clip.avi". */
    String description();

    /** Releases the device or file. Never throws. */
    @Override
    void close();
}
