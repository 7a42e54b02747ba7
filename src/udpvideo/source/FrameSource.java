package udpvideo.source;

import java.awt.image.BufferedImage;
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

    /** The rate to pace at when the user gives no {@code --fps}; 0 when the source paces itself (a camera). */
    double naturalFramesPerSecond();

    /** What this source is, for messages: "camera 0", "file clip.avi". */
    String description();

    /** Releases the device or file. Never throws. */
    @Override
    void close();
}
