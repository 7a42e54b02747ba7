package udpvideo.tutorial;

import static java.util.Locale.ROOT;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * The tutorial's sender, told literally: grab a picture with OpenCV, encode it as a JPEG, cut the JPEG into UDP
 * datagrams that each start with a one-byte countdown. Read this first, then {@link TutorialReceiver}.
 * Usage: {@code TutorialSender HOST [PORT] [CAMERA_INDEX | VIDEO_FILE]} (port 12345 and camera 0 by default).
 */
public final class TutorialSender {
    /** The most JPEG bytes per datagram: 65,472 = 2^16 - 64, the tutorial's margin under UDP's 65,507. */
    public static final int MAX_SEGMENT_BYTES = 65_472;

    public static void main(String[] args) throws InterruptedException {
        // Step 1: the arguments. A user's mistake gets one line and exit status 2, never a stack trace.
        if (args.length < 1 || args.length > 3) {
            quit(2, "usage: TutorialSender HOST [PORT] [CAMERA_INDEX | VIDEO_FILE]");
        }
        int port = args.length < 2 ? 12_345 : args[1].matches("\\d{1,5}") ? Integer.parseInt(args[1]) : -1;
        if (port < 1 || port > 65_535) {
            quit(2, "TutorialSender: PORT must be 1..65535, was " + args[1]);
        }
        InetSocketAddress target = new InetSocketAddress(args[0], port); // looks the host name up
        if (target.isUnresolved()) {
            quit(2, "TutorialSender: unknown host " + args[0]);
        }
        String source = args.length > 2 ? args[2] : "0";
        boolean isCamera = source.matches("\\d{1,3}"); // 0..999 is a camera index, anything else a file

        // Step 2: open the source. OpenCV is native code: its library is loaded before any OpenCV call.
        nu.pattern.OpenCV.loadLocally();
        VideoCapture capture = isCamera ? new VideoCapture(Integer.parseInt(source)) : new VideoCapture(source);
        if (!capture.isOpened()) {
            // (for a camera, OpenCV prints its own warnings first; OPENCV_LOG_LEVEL=SILENT hides them)
            quit(2, "TutorialSender: cannot open " + (isCamera ? "camera " : "video file ") + source);
        }
        // A file is paced at its own frame rate; a camera's read() waits for its next picture, so no pacing.
        double fps = capture.get(Videoio.CAP_PROP_FPS);
        long frameNanos = isCamera ? 0 : (long) (1e9 / (fps > 0 && fps <= 1000 ? fps : 30));
        ImageIO.setUseCache(false); // keeps ImageIO's working buffer in memory, not in a temporary file

        // Step 3: read, encode, send, until the file ends (or the camera stops delivering).
        Mat picture = new Mat();
        long frames = 0;
        long framesThen = 0; // frames sent when the rate was last printed
        long since = System.nanoTime(); // when the rate was last printed
        try (DatagramSocket socket = new DatagramSocket()) {
            long frameStart = since;
            while (capture.read(picture)) {
                sendFrame(socket, target, encodeJpeg(picture));
                frames++;
                long now = System.nanoTime();
                if (now - since >= 1_000_000_000L) { // once a second, like the tutorial's FPS overlay
                    System.err.printf(ROOT, "sent %.1f frames/s%n", (frames - framesThen) * 1e9 / (now - since));
                    framesThen = frames;
                    since = now;
                }
                TimeUnit.NANOSECONDS.sleep(frameStart + frameNanos - now); // what is left of a file's period
                frameStart = System.nanoTime();
            }
        } catch (IOException e) {
            quit(1, "TutorialSender: cannot send to " + target + ": " + e.getMessage());
        } finally {
            capture.release(); // frees the camera for other programs
        }
        System.err.println("end of " + source + ": sent " + frames + " frames");
    }

    /** Encodes OpenCV's picture as one JPEG file, in memory, at ImageIO's quality 75 (the tutorial's OpenCV: 95). */
    public static byte[] encodeJpeg(Mat bgr) throws IOException {
        BufferedImage image = new BufferedImage(bgr.cols(), bgr.rows(), BufferedImage.TYPE_3BYTE_BGR);
        // VideoCapture gives B, G, R bytes row after row, TYPE_3BYTE_BGR's own layout: one bulk copy does it
        bgr.get(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }

    /** Sends {@code jpeg} as n datagrams: [n][first 65,472 bytes], [n-1][the next ones], ..., [1][the rest]. */
    static void sendFrame(DatagramSocket socket, InetSocketAddress target, byte[] jpeg) throws IOException {
        int segments = (jpeg.length + MAX_SEGMENT_BYTES - 1) / MAX_SEGMENT_BYTES; // rounded up, like math.ceil
        if (segments > 255) { // one byte counts to 255 (16.7 MB of JPEG); a larger count would wrap around
            throw new IOException("a frame of " + jpeg.length + " bytes would need more than 255 datagrams");
        }
        for (int start = 0; segments > 0; segments--) {
            int length = Math.min(MAX_SEGMENT_BYTES, jpeg.length - start);
            byte[] datagram = new byte[1 + length];
            datagram[0] = (byte) segments; // the countdown: datagrams left in this frame, this one included
            System.arraycopy(jpeg, start, datagram, 1, length);
            socket.send(new DatagramPacket(datagram, datagram.length, target));
            start += length;
        }
    }

    private static void quit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
/*
 * What this version gets wrong, and which class of src/udpvideo/ deals with it (more in TutorialReceiver):
 * - Pacing: each frame of a file waits out what is left of its own period, so time over (a slow encode, a
 *   late wake-up) is never made up and the file plays a little slow. sender/Pacer keeps a fixed schedule.
 * - Loss and splices: nothing in a frame says which frame it is or that it is whole. The full sender writes a
 *   stamp/FrameStamp (frame number, CRC-32) into a JPEG comment, which codec/FrameInspector checks.
 * - Bursts: a frame's datagrams leave back to back; a few large frames overflow a receive buffer left at the
 *   system's default. The full receiver asks for receiver/ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES.
 */
