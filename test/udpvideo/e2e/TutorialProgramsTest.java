package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;
import udpvideo.tutorial.TutorialReceiver;
import udpvideo.tutorial.TutorialSender;

/**
 * The tutorial programs as a user runs them ({@code java -cp build/udpvideo.jar}) on loopback, each against the
 * Python tutorial's other half (test/python/; skipped without /usr/bin/python3 and cv2) and the full tool's
 * ({@code run-sender.sh}, {@code run-receiver.sh}). Every frame takes 2+ datagrams (checked): reassembly is always
 * exercised. The tutorial receivers keep the system's receive buffer, about three such datagrams, so on a busy
 * machine a stall of one frame period loses some (their documented weakness): they stop after {@link #ENOUGH} of
 * the {@link #FRAMES} frames and may lose {@link #LOSS_ALLOWANCE}. The full receiver (4 MiB) must get them all.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a backstop only: every wait below has its own bound
class TutorialProgramsTest {
    private static final String RECEIVER = "udpvideo.tutorial.TutorialReceiver";
    private static final String PYTHON = "/usr/bin/python3";
    /** 3 s of video: rate lines from each program, short enough for {@code make test}. */
    private static final int FRAMES = 45;
    /** Half the usual 30, to give the tutorial's small receive buffers twice the time to be read. */
    private static final double FPS = 15;
    /** What a tutorial receiver must get of the FRAMES sent (it skips the first to synchronise), and may lose. */
    private static final int ENOUGH = 30;
    private static final int LOSS_ALLOWANCE = 3;
    /** A noisy gradient this size makes JPEGs of about 90 KB at ImageIO's quality 75: two datagrams each. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    /** The Python sender's and the full sender's pictures: about 90 KB at this size, two datagrams each. */
    private static final String OTHER_SENDERS_SIZE = "960x540";
    /** How long a child may take to start (a JVM, Python importing cv2), and to finish (with 3 s of frames). */
    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on \\S+:(\\d+)");
    private static final Pattern RATE = Pattern.compile("(sent|received) (\\d+\\.\\d) frames/s");
    /** The last line of both tutorial receivers, Python's and ours. */
    private static final Pattern COUNTS = Pattern.compile("frames (\\d+) decoded (\\d+) failed (\\d+)");

    @TempDir
    static Path folder;
    /** An MJPEG AVI of FRAMES noisy frames, made by OpenCV's own writer (no FFmpeg needed). */
    private static Path video;
    /** What TutorialSender must send for {@link #video}: each frame through its own encoder, in order. */
    private static List<byte[]> sentJpegs;
    private static boolean isPythonWithOpenCv;

    @BeforeAll
    static void writeVideoAndProbePython() throws Exception {
        assertTrue(Files.isRegularFile(ScriptRun.JAR), ScriptRun.JAR + " is missing: run make first");
        nu.pattern.OpenCV.loadLocally();
        video = folder.resolve("clip.avi");
        writeVideo(video);
        sentJpegs = new ArrayList<>();
        VideoCapture capture = new VideoCapture(video.toString());
        for (Mat frame = new Mat(); capture.read(frame); ) {
            sentJpegs.add(TutorialSender.encodeJpeg(frame));
        }
        capture.release();
        assertEquals(FRAMES, sentJpegs.size(), "frames read back from " + video);
        int smallest = sentJpegs.stream().mapToInt(jpeg -> jpeg.length).min().orElse(0);
        assertTrue(smallest > TutorialSender.MAX_SEGMENT_BYTES, "smallest JPEG " + smallest + " bytes fits one"
                + " datagram: reassembly would not be tested");
        isPythonWithOpenCv = isPythonWithOpenCv();
    }

    @Test
    void pythonReceiverGetsFramesOfTutorialSenderByteForByte() throws Exception {
        assumeTrue(isPythonWithOpenCv, PYTHON + " cannot import cv2: install python3-opencv");
        Path recording = folder.resolve("python-received.mjpeg");
        try (ScriptRun receiver = ScriptRun.command(PYTHON, "test/python/tutorial_receiver.py", "--port", "0",
                "--frames", String.valueOf(ENOUGH), "--timeout", "3", "--record", recording.toString()).start();
                ScriptRun sender = tutorialSender(portOf(receiver))) {
            assertSentTheWholeVideo(sender.awaitExit(RUN));
            assertCounts(receiver.awaitExit(RUN));
        }
        // what it glued together is our frames exactly, in order, less the first (skipped by dump_buffer)
        List<Integer> found = sentFramesIn(recording);
        assertTrue(found.size() >= ENOUGH - LOSS_ALLOWANCE && found.get(0) >= 1, "sent frames recorded: " + found);
    }

    @Test
    void tutorialReceiverDecodesFramesOfPythonSender() throws Exception {
        assumeTrue(isPythonWithOpenCv, PYTHON + " cannot import cv2: install python3-opencv");
        String[] size = OTHER_SENDERS_SIZE.split("x");
        try (ScriptRun receiver = tutorialReceiver();
                ScriptRun sender = ScriptRun.command(PYTHON, "test/python/tutorial_sender.py",
                        "--port", portOf(receiver), "--frames", String.valueOf(FRAMES), "--fps", String.valueOf(FPS),
                        "--width", size[0], "--height", size[1]).start()) {
            ScriptRun.Result sent = sender.awaitExit(RUN);
            assertEquals("sent " + FRAMES + " frames", sent.lastStdout(), sent.toString());
            Matcher mean = Pattern.compile("mean JPEG size (\\d+) bytes .*").matcher(sent.stderr().get(0));
            assertTrue(mean.matches() && Integer.parseInt(mean.group(1)) > TutorialSender.MAX_SEGMENT_BYTES,
                    "frames must take 2+ datagrams: " + sent);
            assertTutorialReceiverCounts(receiver.awaitExit(RUN));
        }
    }

    @Test
    void fullReceiverAcceptsEveryFrameOfTutorialSenderByteForByte() throws Exception {
        Path recording = folder.resolve("full-received.mjpeg");
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--headless", "--port", "0",
                "--bind", "127.0.0.1", "--frames", String.valueOf(FRAMES), "--record", recording.toString()).start();
                ScriptRun sender = tutorialSender(portOf(receiver))) {
            assertSentTheWholeVideo(sender.awaitExit(RUN));
            ScriptRun.Result received = receiver.awaitExit(RUN);
            assertEquals(0, received.status(), received.toString());
            String summary = received.stderr().get(received.stderr().size() - 1);
            // it starts at the first datagram that begins a JPEG, so it keeps the first frame too
            assertTrue(summary.startsWith("received " + FRAMES + " frames accepted, ")
                    && summary.contains(" 0 incomplete, 0 rejected,"), summary);
        }
        assertEquals(IntStream.range(0, FRAMES).boxed().toList(), sentFramesIn(recording));
        assertEquals(sentJpegs.stream().mapToLong(jpeg -> jpeg.length).sum(), Files.size(recording),
                "bytes recorded: the sent frames and nothing else");
    }

    @Test
    void tutorialReceiverDecodesFramesOfFullSender() throws Exception {
        try (ScriptRun receiver = tutorialReceiver();
                ScriptRun sender = ScriptRun.script("run-sender.sh", "--source", "test", "--size",
                        OTHER_SENDERS_SIZE, "--frames", String.valueOf(FRAMES), "--fps", String.valueOf(FPS),
                        "--port", portOf(receiver)).start()) {
            ScriptRun.Result sent = sender.awaitExit(RUN);
            assertEquals(0, sent.status(), sent.toString());
            Matcher summary = Pattern.compile("sent (\\d+) frames \\((\\d+) datagrams,.*")
                    .matcher(sent.stderr().get(sent.stderr().size() - 1));
            assertTrue(summary.matches() && Integer.parseInt(summary.group(2)) >= 2 * FRAMES,
                    "frames must take 2+ datagrams: " + sent);
            assertTutorialReceiverCounts(receiver.awaitExit(RUN));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "TutorialSender   |                              | usage: TutorialSender HOST [PORT]",
        "TutorialSender   | 127.0.0.1 70000              | TutorialSender: PORT must be 1..65535, was 70000",
        "TutorialSender   | 127.0.0.1 12345 /no/clip.avi | TutorialSender: cannot open video file /no/clip.avi",
        "TutorialReceiver | 12345 12346                  | usage: TutorialReceiver [PORT], PORT 0..65535",
        "TutorialReceiver | 70000                        | usage: TutorialReceiver [PORT], PORT 0..65535"})
    void mistakeGetsOneLineAndStatusTwo(String program, String args, String expected) throws Exception {
        String[] words = args == null ? new String[0] : args.split(" ");
        try (ScriptRun child = ScriptRun.java(List.of(), "udpvideo.tutorial." + program, words).start()) {
            assertOneLineAndStatusTwo(expected, child.awaitExit(START));
        }
    }

    @Test
    void receiverOnAPortInUseGetsOneLineAndStatusTwo() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ScriptRun child = ScriptRun.java(List.of(), RECEIVER, String.valueOf(taken.getLocalPort())).start()) {
            assertOneLineAndStatusTwo("TutorialReceiver: cannot listen on port " + taken.getLocalPort() + ": ",
                    child.awaitExit(START));
        }
    }

    /** Writes FRAMES frames of a noisy gradient that moves, B, G and R apart, as an MJPEG AVI at FPS. */
    private static void writeVideo(Path path) {
        VideoWriter writer = new VideoWriter(path.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), FPS, new Size(WIDTH, HEIGHT));
        assertTrue(writer.isOpened(), "OpenCV's MJPEG writer opens");
        Random random = new Random(42);
        byte[] pixels = new byte[WIDTH * HEIGHT * 3];
        Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
        for (int i = 0; i < FRAMES; i++) {
            for (int y = 0, p = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int noise = random.nextInt(17) - 8; // +-8 levels: the detail that makes the JPEGs large
                    pixels[p++] = clamp((x + 8 * i) % WIDTH * 255 / WIDTH + noise);
                    pixels[p++] = clamp(y * 255 / HEIGHT + noise);
                    pixels[p++] = clamp(128 + noise);
                }
            }
            frame.put(0, 0, pixels);
            writer.write(frame);
        }
        writer.release();
        frame.release();
    }

    /** Whether {@link #PYTHON} exists and imports cv2 and numpy, which the tutorial's scripts need. */
    private static boolean isPythonWithOpenCv() throws InterruptedException {
        try (ScriptRun probe = ScriptRun.command(PYTHON, "-c", "import cv2, numpy").start()) {
            return probe.awaitExit(START).status() == 0;
        } catch (IOException e) {
            return false; // no such interpreter
        }
    }

    private static ScriptRun tutorialSender(String port) throws IOException {
        return ScriptRun.java(List.of(), "udpvideo.tutorial.TutorialSender", "127.0.0.1", port, video.toString())
                .start();
    }

    /** A headless TutorialReceiver on a free port that stops after {@link #ENOUGH} frames. */
    private static ScriptRun tutorialReceiver() throws IOException {
        return ScriptRun.java(List.of("-Dtutorial.frames=" + ENOUGH), RECEIVER, "0").start();
    }

    /** The port of a receiver's first stdout line, {@code listening on HOST:PORT}. */
    private static String portOf(ScriptRun receiver) throws InterruptedException {
        String line = receiver.awaitStdout(first -> true, "'listening on' line", START);
        Matcher listening = LISTENING.matcher(line);
        assertTrue(listening.matches(), "expected 'listening on HOST:PORT', got '" + line + "'");
        return listening.group(1);
    }

    /** TutorialSender read the whole file and said so, printing rates no higher than the file's: it paces. */
    private static void assertSentTheWholeVideo(ScriptRun.Result sent) {
        assertEquals(0, sent.status(), sent.toString());
        assertEquals("end of " + video + ": sent " + FRAMES + " frames", sent.stderr().get(sent.stderr().size() - 1));
        List<Double> rates = rates(sent);
        assertTrue(!rates.isEmpty() && rates.stream().allMatch(rate -> rate <= FPS * 1.2), "rates " + rates);
    }

    /** A tutorial receiver stopped after {@link #ENOUGH} frames, at most {@link #LOSS_ALLOWANCE} of them broken. */
    private static void assertCounts(ScriptRun.Result received) {
        assertEquals(0, received.status(), received.toString());
        Matcher counts = COUNTS.matcher(received.lastStdout());
        assertTrue(counts.matches() && counts.group(1).equals(String.valueOf(ENOUGH))
                && Integer.parseInt(counts.group(3)) <= LOSS_ALLOWANCE, received.toString());
    }

    /** As {@link #assertCounts}, and TutorialReceiver said it has no display and printed its rate. */
    private static void assertTutorialReceiverCounts(ScriptRun.Result received) {
        assertCounts(received);
        assertEquals("no display: frames are decoded and counted, not shown", received.stderr().get(0));
        assertTrue(!rates(received).isEmpty(), "no rate line: " + received);
    }

    /** The frame rates a tutorial program printed on stderr, once a second. */
    private static List<Double> rates(ScriptRun.Result result) {
        return result.stderr().stream().map(RATE::matcher).filter(Matcher::matches)
                .map(rate -> Double.parseDouble(rate.group(2))).toList();
    }

    private static void assertOneLineAndStatusTwo(String expectedStart, ScriptRun.Result result) {
        assertEquals(2, result.status(), result.toString());
        assertEquals(List.of(), result.stdout(), "stdout");
        assertEquals(1, result.stderr().size(), "one line on stderr: " + result.stderr());
        assertTrue(result.stderr().get(0).startsWith(expectedStart), result.stderr().get(0));
    }

    /** Which of {@link #sentJpegs} a recording (frames back to back) holds, byte for byte, in order. */
    private static List<Integer> sentFramesIn(Path recording) throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        List<Integer> found = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < sentJpegs.size(); i++) {
            byte[] jpeg = sentJpegs.get(i);
            for (int from = at; from + jpeg.length <= bytes.length; from++) {
                if (bytes[from] == jpeg[0] && Arrays.equals(bytes, from, from + jpeg.length, jpeg, 0, jpeg.length)) {
                    found.add(i);
                    at = from + jpeg.length;
                    break;
                }
            }
        }
        return found;
    }

    private static byte clamp(int value) {
        return (byte) Math.max(0, Math.min(255, value));
    }
}
