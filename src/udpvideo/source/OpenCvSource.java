package udpvideo.source;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Frames from OpenCV's {@link VideoCapture}: a camera by index or device path, or a video file.
 *
 * <p>Cameras and files take the same path after opening (read a BGR {@link Mat}, copy it into a
 * {@link BufferedImage}), so the tests, which have no camera, exercise the camera's code with a file.
 * The openpnp build of OpenCV has no FFmpeg: it reads MJPEG AVI files and image sequences. Owns the capture;
 * {@link #close()} releases it, which frees the camera for other programs.
 */
final class OpenCvSource implements FrameSource {
    /** Used when a file does not state its frame rate, and for image sequences, which have none. */
    private static final double FALLBACK_FPS = 30;
    /** OpenCV's backend for image sequences, which reports 1 frame/s for every one: a placeholder, not a rate. */
    private static final String IMAGE_SEQUENCE_BACKEND = "CV_IMAGES";

    private final VideoCapture capture;
    private final String description;
    private final double naturalFps;
    /** The frame OpenCV decodes into; reused for every frame. */
    private final Mat frame = new Mat();
    /** Scratch for sources that are not 3-channel BGR. */
    private final Mat converted = new Mat();
    /** The image handed out, reused while the frame size stays the same. */
    private BufferedImage image;

    private OpenCvSource(VideoCapture capture, String description, double naturalFps) {
        this.capture = capture;
        this.description = description;
        this.naturalFps = naturalFps;
    }

    /** Opens camera {@code index} (0 is the system's default camera). */
    static OpenCvSource openCamera(int index, Dimension size) throws SourceException {
        OpenCvLibrary.load();
        VideoCapture capture = new VideoCapture(index);
        return opened(capture, size, "camera " + index, "cannot open camera " + index
                + ": there is none, or another program is using it (try camera:1, a device such as /dev/video2,"
                + " or --source test)");
    }

    /** Opens a camera by its device path, such as {@code /dev/video2}. */
    static OpenCvSource openDevice(String device, Dimension size) throws SourceException {
        OpenCvLibrary.load();
        if (!Files.exists(Path.of(device))) {
            throw new SourceException("no such device: " + device);
        }
        VideoCapture capture = new VideoCapture(device, Videoio.CAP_V4L2);
        return opened(capture, size, "camera " + device, "cannot open camera " + device
                + ": it is not a video capture device, or another program is using it");
    }

    /** Opens a video file, or an image sequence such as {@code img%03d.jpg}. */
    static OpenCvSource openFile(Path path) throws SourceException {
        boolean isSequence = path.toString().contains("%");
        if (!isSequence && Files.isDirectory(path)) {
            throw new SourceException(path + " is a directory, not a video file (for the pictures in it, name them"
                    + " as an image sequence, such as " + path.resolve("img%03d.jpg") + ")");
        }
        if (!isSequence && !Files.isRegularFile(path)) {
            throw new SourceException("no such file: " + path + " (--source takes camera, camera:N, /dev/videoN,"
                    + " test, screen or a video file)");
        }
        if (!isSequence && !Files.isReadable(path)) {
            throw new SourceException("cannot read " + path + ": permission denied");
        }
        OpenCvLibrary.load();
        VideoCapture capture = new VideoCapture(path.toString());
        if (!capture.isOpened()) {
            capture.release();
            throw new SourceException("cannot read " + path + " as video: this OpenCV build reads MJPEG .avi files"
                    + " and image sequences (img%03d.jpg) only; convert with"
                    + " 'ffmpeg -i " + path + " -c:v mjpeg -q:v 3 out.avi'");
        }
        double fps = capture.get(Videoio.CAP_PROP_FPS);
        boolean isPlausible = fps > 0 && fps <= 1000 && !IMAGE_SEQUENCE_BACKEND.equals(capture.getBackendName());
        return new OpenCvSource(capture, "file " + path, isPlausible ? fps : FALLBACK_FPS);
    }

    private static OpenCvSource opened(VideoCapture capture, Dimension size, String description, String failure)
            throws SourceException {
        if (!capture.isOpened()) {
            capture.release();
            throw new SourceException(failure);
        }
        if (size != null) {
            capture.set(Videoio.CAP_PROP_FRAME_WIDTH, size.width);
            capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, size.height);
        }
        return new OpenCvSource(capture, description, 0); // a camera delivers at its own pace
    }

    @Override
    public BufferedImage next() {
        BufferedImage frame = next(image);
        image = frame;
        return frame;
    }

    /** Reads straight into {@code target} when it fits: OpenCV's pixels are copied once, not twice. */
    @Override
    public BufferedImage next(BufferedImage target) {
        if (!capture.read(frame) || frame.empty()) {
            return null;
        }
        Mat bgr = toBgr(frame);
        int width = bgr.cols();
        int height = bgr.rows();
        BufferedImage result = FrameSource.fits(target, width, height) ? target
                : new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        // OpenCV's BGR rows are laid out exactly like TYPE_3BYTE_BGR's raster: one bulk copy
        bgr.get(0, 0, ((DataBufferByte) result.getRaster().getDataBuffer()).getData());
        return result;
    }

    private Mat toBgr(Mat source) {
        if (source.type() == CvType.CV_8UC3 && source.isContinuous()) {
            return source;
        }
        int code = switch (source.channels()) {
            case 1 -> Imgproc.COLOR_GRAY2BGR;
            case 4 -> Imgproc.COLOR_BGRA2BGR;
            default -> -1;
        };
        if (code < 0) {
            source.copyTo(converted); // 3 channels but not continuous: a copy makes it so
        } else {
            Imgproc.cvtColor(source, converted, code);
        }
        return converted;
    }

    @Override
    public double naturalFramesPerSecond() {
        return naturalFps;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        capture.release();
        frame.release();
        converted.release();
    }
}
