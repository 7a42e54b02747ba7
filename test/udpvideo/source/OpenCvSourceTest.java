package udpvideo.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * The camera's code path, exercised with a video file: this machine has no camera, and cameras and files share
 * everything after {@code VideoCapture} opens. The file is an MJPEG AVI made by OpenCV's own writer, which needs
 * no FFmpeg.
 */
@Timeout(60)
class OpenCvSourceTest {
    static final int FRAMES = 12;
    static final double FPS = 25;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        OpenCvLibrary.load();
        video = dir.resolve("clip.avi");
        writeClip(video, 320, 240);
    }

    /** Writes {@link #FRAMES} frames, frame i a flat colour with blue = 20 * i, green 100, red 200 - 10 * i. */
    static void writeClip(Path path, int width, int height) {
        VideoWriter writer = new VideoWriter(path.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), FPS, new Size(width, height));
        assertTrue(writer.isOpened(), "OpenCV's MJPEG writer opens");
        Mat frame = new Mat(height, width, CvType.CV_8UC3);
        for (int i = 0; i < FRAMES; i++) {
            frame.setTo(new Scalar(20 * i, 100, 200 - 10 * i)); // B, G, R
            writer.write(frame);
        }
        writer.release();
        frame.release();
    }

    @Test
    void readsEveryFrameOfAnMjpegAviWithItsColours() throws Exception {
        try (FrameSource source = Sources.open(video.toString(), null)) {
            for (int i = 0; i < FRAMES; i++) {
                BufferedImage image = source.next();
                assertEquals(320, image.getWidth());
                assertEquals(240, image.getHeight());
                int rgb = image.getRGB(160, 120);
                assertClose(200 - 10 * i, (rgb >> 16) & 0xFF, "red of frame " + i);
                assertClose(100, (rgb >> 8) & 0xFF, "green of frame " + i);
                assertClose(20 * i, rgb & 0xFF, "blue of frame " + i);
            }
            assertNull(source.next(), "the file ends after its frames");
        }
    }

    @Test
    void pacesAFileAtTheRateItStates() throws Exception {
        try (FrameSource source = Sources.open(video.toString(), null)) {
            assertEquals(FPS, source.naturalFramesPerSecond(), 0.01);
            assertTrue(source.description().contains("clip.avi"));
        }
    }

    @Test
    void missingFileSaysSo() {
        SourceException e = assertThrows(SourceException.class,
                () -> Sources.open(dir.resolve("nope.avi").toString(), null));
        assertTrue(e.getMessage().startsWith("no such file: "), e.getMessage());
    }

    @Test
    void unreadableFormatSaysWhatIsSupported() throws Exception {
        Path notVideo = dir.resolve("notes.mp4");
        Files.writeString(notVideo, "this is not a video");
        SourceException e = assertThrows(SourceException.class, () -> Sources.open(notVideo.toString(), null));
        assertTrue(e.getMessage().contains("MJPEG .avi"), e.getMessage());
    }

    @Test
    void missingCameraSaysWhatToTry() {
        // no camera on a build machine; where one exists this index is still unlikely to be plugged in
        SourceException e = assertThrows(SourceException.class, () -> Sources.open("camera:97", null));
        assertTrue(e.getMessage().startsWith("cannot open camera 97"), e.getMessage());
    }

    @Test
    void sizeIsRefusedForAFile() {
        SourceException e = assertThrows(SourceException.class,
                () -> Sources.open(video.toString(), new Dimension(640, 480)));
        assertTrue(e.getMessage().contains("--size applies to test and camera"), e.getMessage());
    }

    @Test
    void badCameraIndexIsRefused() {
        SourceException e = assertThrows(SourceException.class, () -> Sources.open("camera:x", null));
        assertTrue(e.getMessage().contains("camera:N"), e.getMessage());
    }

    private static void assertClose(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 6, what + ": expected about " + expected + ", was " + actual);
    }
}
