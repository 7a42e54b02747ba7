package udpvideo.source;

import java.awt.Dimension;
import java.nio.file.Path;

/**
 * Turns the {@code --source} text into an open {@link FrameSource}: {@code camera}, {@code camera:N}, a device
 * path such as {@code /dev/video2}, {@code test}, {@code screen}, or anything else as a video file path.
 */
public final class Sources {
    private Sources() {
    }

    /**
     * Opens the source the text names.
     *
     * @param size for {@code test} the pattern's size, for a camera the capture size asked of it; null for default
     * @throws SourceException with a message for the user when it cannot be opened
     */
    public static FrameSource open(String spec, Dimension size) throws SourceException {
        if (spec.equals("test")) {
            return new TestPatternSource(size == null ? TestPatternSource.DEFAULT_SIZE : size);
        }
        if (spec.equals("screen")) {
            rejectSize(spec, size);
            return ScreenSource.open();
        }
        if (spec.equals("camera")) {
            return OpenCvSource.openCamera(0, size);
        }
        if (spec.startsWith("camera:")) {
            String index = spec.substring("camera:".length());
            if (!index.matches("[0-9]{1,3}")) {
                throw new SourceException("--source camera:N needs a camera index such as camera:1, was '" + spec + "'");
            }
            return OpenCvSource.openCamera(Integer.parseInt(index), size);
        }
        if (spec.startsWith("/dev/")) {
            return OpenCvSource.openDevice(spec, size);
        }
        rejectSize(spec, size);
        return OpenCvSource.openFile(Path.of(spec));
    }

    private static void rejectSize(String spec, Dimension size) throws SourceException {
        if (size != null) {
            throw new SourceException("--size applies to test and camera sources, not '" + spec
                    + "'; use --width to resize what is sent");
        }
    }
}
