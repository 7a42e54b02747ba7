package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import udpvideo.codec.FrameInspector;
import udpvideo.packet.PyShinePacketizer;
import udpvideo.sink.MjpegReader;

/**
 * PyShine's protocol both ways, through the scripts, over loopback: our receiver says hello to a PyShine server
 * and records its frames, and a PyShine client says hello to our sender and decodes what it streams. PyShine's
 * side is played by {@code test/python/pyshine_server.py} and {@code pyshine_client.py}, written from the
 * tutorials' description and run with Debian's {@code /usr/bin/python3} (python3-opencv); without it these tests
 * are skipped. Every frame either end keeps must be byte for byte one the other sent, in order.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a backstop only: every wait below has its own bound
class PyShineInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SERVER = "test/python/pyshine_server.py";
    private static final String CLIENT = "test/python/pyshine_client.py";
    /** Five seconds of video at 30 fps. */
    private static final int FRAMES = 150;
    private static final int FPS = 30;
    /** What the far end must keep of {@link #FRAMES}: the bar, though loopback should lose none. */
    private static final int ENOUGH = 140;
    /** How long a child may take to start (a JVM, Python importing cv2), and to run its 5 s of frames. */
    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration RUN = Duration.ofSeconds(30);
    /** Our receiver stops at FRAMES frames, or after this long if the network lost some: 5 s of video and more. */
    private static final int RECEIVE_SECONDS = 15;
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");
    private static final Pattern WAITING = Pattern.compile("waiting for a viewer to say hello on \\S+:(\\d+);.*");
    private static final Pattern CLIENT_COUNTS = Pattern.compile("frames (\\d+) decoded (\\d+) failed (\\d+)");
    private static final Pattern RECEIVED = Pattern.compile("received (\\d+) frames accepted, .* (\\d+) rejected, .*");

    private static boolean isPythonWithOpenCv;

    @TempDir
    Path folder;

    @BeforeAll
    static void probePython() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import cv2, numpy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            isPythonWithOpenCv = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
            probe.destroyForcibly();
        } catch (IOException e) {
            isPythonWithOpenCv = false; // no such interpreter
        }
    }

    @BeforeEach
    void requirePython() {
        assumeTrue(isPythonWithOpenCv, PYTHON + " cannot import cv2: install python3-opencv");
    }

    @Test
    void ourReceiverRecordsEveryFrameOfAPyShineServerByteIdentical(TestReporter reporter) throws Exception {
        Path sent = folder.resolve("pyshine-sent.mjpeg");
        Path recorded = folder.resolve("received.mjpeg");
        ScriptRun.Result received;
        try (ScriptRun server = ScriptRun.command(PYTHON, SERVER, "--port", "0", "--frames", String.valueOf(FRAMES),
                "--fps", String.valueOf(FPS), "--record", sent.toString()).start()) {
            Matcher listening = LISTENING.matcher(server.awaitStdout(line -> true, "'listening on' line", START));
            assertTrue(listening.matches(), "the server's first line: " + listening);
            try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--protocol", "pyshine", "--connect",
                    "127.0.0.1:" + listening.group(2), "--headless", "--frames", String.valueOf(FRAMES), "--duration",
                    String.valueOf(RECEIVE_SECONDS), "--record", recorded.toString()).start()) {
                ScriptRun.Result served = server.awaitExit(RUN);
                assertEquals(0, served.status(), served.toString());
                assertEquals("sent " + FRAMES + " frames", served.lastStdout(), served.toString());
                received = receiver.awaitExit(RUN);
            }
        }
        String summary = received.stderr().get(received.stderr().size() - 1);
        reporter.publishEntry("our receiver", summary);
        Matcher counts = RECEIVED.matcher(summary);
        assertTrue(counts.matches(), "the receiver's summary is its last line: " + received);
        assertEquals("0", counts.group(2), "frames rejected: " + summary);
        assertTrue(received.stderr().get(0).startsWith("saying hello to 127.0.0.1:"), received.toString());

        List<byte[]> theirs = MjpegReader.readFrames(sent);
        List<byte[]> ours = MjpegReader.readFrames(recorded);
        assertEquals(FRAMES, theirs.size(), "frames in the server's recording");
        assertEquals(Integer.parseInt(counts.group(1)), ours.size(), "frames in our recording: the accepted ones");
        assertTrue(ours.size() >= ENOUGH, "our receiver kept " + ours.size() + " of " + FRAMES + " frames");
        assertEachIsASentFrameInOrder(theirs, ours);
    }

    /**
     * The Done-when case (the tutorial's 400 pixels wide, the default), and the full 1280x720, where every frame
     * at quality 80 is about 142 KB: the sender must lower the quality until frames fit one datagram.
     */
    @ParameterizedTest(name = "--width {0}")
    @CsvSource({"400, false", "1280, true"})
    void aPyShineClientDecodesTheFramesOfOurListeningSender(int width, boolean isShrunk, TestReporter reporter)
            throws Exception {
        Path sent = folder.resolve("sent.mjpeg");
        Path decoded = folder.resolve("pyshine-decoded.mjpeg");
        List<String> args = new ArrayList<>(List.of("--protocol", "pyshine", "--listen", "--port", "0",
                "--source", "test", "--size", "1280x720", "--frames", String.valueOf(FRAMES), "--record",
                sent.toString()));
        if (width != 400) {
            args.addAll(List.of("--width", String.valueOf(width))); // 400 must need no option
        }
        ScriptRun.Result streamed;
        ScriptRun.Result client;
        try (ScriptRun sender = ScriptRun.script("run-sender.sh", args.toArray(String[]::new)).start()) {
            Matcher waiting = WAITING.matcher(sender.awaitStderr(line -> WAITING.matcher(line).matches(),
                    "'waiting for a viewer' line", START));
            assertTrue(waiting.matches());
            client = ScriptRun.run(ScriptRun.command(PYTHON, CLIENT, "--host", "127.0.0.1", "--port",
                    waiting.group(1), "--frames", String.valueOf(FRAMES), "--timeout", "3", "--record",
                    decoded.toString()), RUN);
            streamed = sender.awaitExit(RUN);
        }
        assertEquals(0, streamed.status(), streamed.toString());
        assertEquals(0, client.status(), client.toString());
        String summary = streamed.stderr().get(streamed.stderr().size() - 1);
        reporter.publishEntry("our sender", summary);
        reporter.publishEntry("PyShine client", client.lastStdout());
        Matcher counts = CLIENT_COUNTS.matcher(client.lastStdout());
        assertTrue(counts.matches(), "the client's last line: " + client);
        assertEquals("0", counts.group(3), "frames the client could not decode: " + client.lastStdout());
        assertTrue(Integer.parseInt(counts.group(2)) >= ENOUGH, "the client decoded " + counts.group(2) + " of "
                + FRAMES + " frames: " + summary);

        List<byte[]> ours = MjpegReader.readFrames(sent);
        for (byte[] jpeg : ours) {
            assertTrue(jpeg.length <= PyShinePacketizer.MAX_FRAME_BYTES, "a frame of " + jpeg.length
                    + " bytes was sent: it cannot fit one datagram");
            assertTrue(jpegWidth(jpeg) == width, "a frame " + jpegWidth(jpeg) + " pixels wide, not " + width);
        }
        assertEachIsASentFrameInOrder(ours, MjpegReader.readFrames(decoded));
        assertEquals(isShrunk, !summary.contains("; 0 frames sent below --quality 80"), summary);
        assertTrue(streamed.stderr().stream().anyMatch(line -> line.startsWith("streaming to 127.0.0.1:")),
                streamed.toString());
    }

    @Test
    void ourReceiverSaysHelloToOurListeningSenderInTheCountdownProtocolToo() throws Exception {
        int frames = 60;
        try (ScriptRun sender = ScriptRun.script("run-sender.sh", "--listen", "--port", "0", "--source", "test",
                "--frames", String.valueOf(frames)).start()) {
            Matcher waiting = WAITING.matcher(sender.awaitStderr(line -> WAITING.matcher(line).matches(),
                    "'waiting for a viewer' line", START));
            assertTrue(waiting.matches());
            ScriptRun.Result received = ScriptRun.run(ScriptRun.script("run-receiver.sh", "--connect",
                    "127.0.0.1:" + waiting.group(1), "--headless", "--frames", String.valueOf(frames)), RUN);
            assertEquals(0, received.status(), received.toString());
            String summary = received.stderr().get(received.stderr().size() - 1);
            // stamped frames: accepted on their CRC, and the latency is known
            assertTrue(summary.startsWith("received " + frames + " frames accepted, ")
                    && summary.contains(" 0 rejected,") && !summary.contains("latency unknown"), summary);
            assertEquals(0, sender.awaitExit(RUN).status());
        }
    }

    /** Every frame in {@code kept} is one of {@code sent}, byte for byte, and they come in the order sent. */
    private static void assertEachIsASentFrameInOrder(List<byte[]> sent, List<byte[]> kept) {
        int next = 0;
        for (int i = 0; i < kept.size(); i++) {
            while (next < sent.size() && !Arrays.equals(sent.get(next), kept.get(i))) {
                next++; // a frame lost on the way
            }
            assertTrue(next < sent.size(), "kept frame " + i + " (" + kept.get(i).length + " bytes) is not a sent"
                    + " frame, or not in order");
            next++;
        }
    }

    /** The width a JPEG declares, as the receiver's inspector reads it. */
    private static int jpegWidth(byte[] jpeg) {
        return new FrameInspector().inspect(jpeg, jpeg.length).width();
    }
}
