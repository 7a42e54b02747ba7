package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.transport.Addresses;

/**
 * What a new user ran into with {@code run-sender.sh} (issue 13, section 4), each through the script as they
 * typed it: a display that is gone, a recording that is the source, frames too large to send, mistyped options
 * with the wrong message, and the script reached through a link. Exit status and every printed line are judged.
 */
class NewUserTest {
    private static final String SENDER = "run-sender.sh";
    private static final String RECEIVER = "run-receiver.sh";
    /** Generous for a JVM start on a loaded CI machine; these runs take about a second. */
    private static final Duration RUN = Duration.ofSeconds(30);

    /** A display value where no X server answers: {@code :n} with no local socket and nothing on 6000 + n. */
    private static String goneDisplay;

    @BeforeAll
    static void findADisplayThatIsGone() throws IOException {
        assertTrue(Files.isRegularFile(ScriptRun.JAR), ScriptRun.JAR + " is missing: run make first");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int number = probe.getLocalPort() - 6000; // the port is free once closed: X's TCP port for n is 6000 + n
            assertFalse(Files.exists(Path.of("/tmp/.X11-unix/X" + number)), "an X socket for display " + number);
            goneDisplay = ":" + number;
        }
    }

    @Test
    void testPatternNeedsNoDisplayEvenWhenDisplayNamesOneThatIsGone() throws Exception {
        try (DatagramSocket sink = loopbackSink()) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--frames", "3",
                    "--port", port(sink)).env("DISPLAY", goneDisplay), RUN);
            assertEquals(0, result.status(), result.toString());
            assertTrue(last(result.stderr()).endsWith("stopped: 3 frames taken, 3 sent"), result.toString());
            assertEquals(List.of(), result.stderrContaining("AWT"), result.toString());
        }
    }

    @Test
    void screenWithADisplayThatIsGoneSaysSoInOneLine() throws Exception {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "screen", "--frames", "3")
                .env("DISPLAY", goneDisplay), RUN);
        assertOneLine(2, SENDER + ": --source screen needs a display: the display DISPLAY=" + goneDisplay
                + " cannot be reached", result);
    }

    @Test
    void previewWithADisplayThatIsGoneSendsWithoutItAsWithoutDisplay() throws Exception {
        try (DatagramSocket sink = loopbackSink()) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--preview",
                    "--frames", "3", "--port", port(sink)).env("DISPLAY", goneDisplay), RUN);
            assertEquals(0, result.status(), result.toString());
            assertEquals(SENDER + ": the display DISPLAY=" + goneDisplay + " cannot be reached, sending without"
                    + " --preview", result.stderr().get(0));
            assertTrue(last(result.stderr()).endsWith("stopped: 3 frames taken, 3 sent"), result.toString());
        }
    }

    @Test
    void demoWithADisplayThatIsGoneShowsStatsAndCtrlCEndsItWithoutAnError() throws Exception {
        // make demo as a terminal runs it: its own process group, which Ctrl-C signals as a whole
        try (ScriptRun demo = ScriptRun.command("setsid", "make", "--no-print-directory", "-s", "demo")
                .env("DISPLAY", goneDisplay).unset("MAKEFLAGS").unset("MAKELEVEL").unset("MFLAGS")
                .withDefaultSigint().start()) {
            demo.awaitStderr(line -> line.startsWith("udpvideo from "), "a status line", RUN);
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + demo.pid()).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -INT to the process group " + demo.pid());
            ScriptRun.Result result = demo.awaitExit(RUN);

            assertEquals(List.of("demo: the display DISPLAY=" + goneDisplay + " cannot be reached, printing the"
                    + " receiver's stats instead of a window"), result.stderrContaining("DISPLAY"), result.toString());
            assertTrue(last(result.stderr()).startsWith("received "), "the receiver's summary ends it: " + result);
            assertEquals(List.of(), result.stderrContaining("make: ***"), "make reports no error: " + result);
        }
    }

    /** How the recording is named: the source's own path, a symbolic link to it, another path, a hard link. */
    static Stream<Arguments> sameFile() {
        return Stream.of(Arguments.of("same path", "still.png"), Arguments.of("symbolic link", "link.png"),
                Arguments.of("another path", "sub/../still.png"), Arguments.of("hard link", "hard.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameFile")
    void recordingThatIsTheSourceIsRefusedAndTheSourceKept(String how, String record, @TempDir Path dir)
            throws Exception {
        Path still = writePicture(dir.resolve("still.png"));
        byte[] before = Files.readAllBytes(still);
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link.png"), still.getFileName());
        Files.createLink(dir.resolve("hard.png"), still);

        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "still.png",
                "--record", record).in(dir), RUN);
        assertOneLine(2, SENDER + ": --record " + record + " is the file being sent (--source still.png):"
                + " recording would destroy it; choose another file", result);
        assertArrayEquals(before, Files.readAllBytes(still), "the source is untouched");
    }

    /** Runs that cannot start, and what each must say. */
    static Stream<Arguments> failedStarts() {
        return Stream.of(Arguments.of("--source /nonexistent.avi", "no such file: /nonexistent.avi"),
                Arguments.of("--source screen", "the display DISPLAY="),
                Arguments.of("--source test --host no-such-host.invalid", "unknown host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedStarts")
    void runThatCannotStartLeavesTheRecordingAlone(String args, String complaint, @TempDir Path dir)
            throws Exception {
        Path recording = Files.writeString(dir.resolve("yesterday.mjpeg"), "yesterday's frames");
        List<String> words = new ArrayList<>(List.of(args.split(" ")));
        words.addAll(List.of("--record", recording.toString(), "--frames", "1"));
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, words.toArray(String[]::new))
                .env("DISPLAY", goneDisplay), RUN);
        assertEquals(2, result.status(), result.toString());
        assertEquals(1, result.stderrContaining(complaint).size(), result.toString());
        assertEquals("yesterday's frames", Files.readString(recording), "the recording is untouched");
    }

    @Test
    void framesTooLargeForTheSegmentSizeWarnOnceAndNothingSentExitsOne() throws Exception {
        try (DatagramSocket sink = loopbackSink()) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--size",
                    "1280x720", "--segment-size", "512", "--frames", "60", "--fps", "0", "--port", port(sink)), RUN);
            assertEquals(1, result.status(), result.toString());
            List<String> warnings = result.stderrContaining("warning:");
            assertEquals(1, warnings.size(), "60 frames in well under 10 s make one warning: " + result);
            assertTrue(warnings.get(0).startsWith("warning: frame 0 skipped: "), warnings.get(0));
            List<String> stderr = result.stderr();
            assertTrue(stderr.get(stderr.size() - 2).endsWith("60 frames too large, 0 replaced before they could"
                    + " leave; stopped: 60 frames taken, 0 sent"), "the summary: " + result);
            assertEquals(SENDER + ": no frame could be sent: every one was too large (see the warning)", last(stderr));
        }
    }

    @Test
    void durationZeroIsRefusedLikeFramesZero() throws Exception {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--headless", "--port", "0",
                "--duration", "0"), RUN);
        assertOneLine(2, RECEIVER + ": --duration must be 0.001..1000000000, was 0", result);
    }

    @Test
    void folderAsTheSourceSaysItIsAFolder(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("pictures"));
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "pictures").in(dir), RUN);
        assertOneLine(2, SENDER + ": pictures is a directory, not a video file (for the pictures in it, name them"
                + " as an image sequence, such as pictures/img%03d.jpg)", result);
    }

    @Test
    void recordingIntoAMissingFolderSaysThePathOnceAndWhy(@TempDir Path dir) throws Exception {
        String recording = dir.resolve("no-such-folder/sent.mjpeg").toString();
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--frames", "1",
                "--record", recording), RUN);
        assertOneLine(2, SENDER + ": cannot write " + recording + ": its directory does not exist", result);
    }

    @Test
    void hostWithAPortAfterItGetsAHintAboutPort() throws Exception {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--host",
                "127.0.0.1:12345"), RUN);
        assertOneLine(2, SENDER + ": --host takes a host alone, was '127.0.0.1:12345': give the port with --port,"
                + " as in --host 127.0.0.1 --port 12345", result);
    }

    @Test
    void ipv6DestinationIsPrintedInBrackets() throws Exception {
        DatagramSocket sink;
        try {
            sink = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (SocketException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (sink) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--frames", "1",
                    "--host", "::1", "--port", port(sink)), RUN);
            assertEquals(0, result.status(), result.toString());
            assertEquals("sending test pattern 640x480 to [::1]:" + port(sink), result.stderr().get(0));
        }
    }

    @Test
    void hostNameIsPrintedAsTheAddressItResolvedTo() throws Exception {
        InetAddress resolved = InetAddress.getByName("localhost");
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress(resolved, 0))) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--frames", "1",
                    "--host", "localhost", "--port", port(sink)), RUN);
            assertEquals(0, result.status(), result.toString());
            assertEquals("sending test pattern 640x480 to "
                    + Addresses.format(new InetSocketAddress(resolved, sink.getLocalPort())), result.stderr().get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SENDER, RECEIVER})
    void scriptReachedThroughSymbolicLinksFindsItsJar(String script, @TempDir Path dir) throws Exception {
        Path absolute = Files.createSymbolicLink(dir.resolve("absolute"), ScriptRun.REPO.resolve(script));
        Path folder = Files.createDirectory(dir.resolve("bin"));
        Path relative = Files.createSymbolicLink(folder.resolve("relative"), Path.of("../absolute"));
        for (Path link : List.of(absolute, relative)) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.scriptAt(link, "--help").in(dir), RUN);
            assertEquals(0, result.status(), link + ": " + result);
            assertTrue(result.stdout().get(0).startsWith("Usage: " + script), link + ": " + result);
        }
    }

    /** Exit {@code status}, nothing on stdout, and {@code line} alone on stderr. */
    private static void assertOneLine(int status, String line, ScriptRun.Result result) {
        assertEquals(status, result.status(), result.toString());
        assertEquals(List.of(), result.stdout(), "stdout");
        assertEquals(List.of(line), result.stderr());
    }

    private static String last(List<String> lines) {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static Path writePicture(Path path) throws IOException {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(10, 10, 0xFF8800);
        assertTrue(ImageIO.write(picture, "png", path.toFile()));
        return path;
    }

    private static String port(DatagramSocket socket) {
        return Integer.toString(socket.getLocalPort());
    }

    /** A bound loopback socket the sender can send to without ICMP errors; nobody reads it. Caller closes. */
    private static DatagramSocket loopbackSink() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
}
