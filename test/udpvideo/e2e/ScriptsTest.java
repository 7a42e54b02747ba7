package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.sink.MjpegReader;

/**
 * {@code run-sender.sh} and {@code run-receiver.sh} as a user runs them: real processes on loopback, started
 * through the scripts from the built jar, judged by exit status, what they print and what they record.
 *
 * <p>Each test starts one or two JVMs (about half a second each). Waits are bounded and wait for a printed line
 * or an exit, never for a fixed time; {@link ScriptRun#close()} kills whatever a failing test leaves running.
 */
class ScriptsTest {
    private static final String SENDER = "run-sender.sh";
    private static final String RECEIVER = "run-receiver.sh";
    /** Generous for a JVM start on a loaded CI machine; a healthy run takes well under a second. */
    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** For a run that must finish on its own: 60 frames at 60 fps plus two JVM starts. */
    private static final Duration RUN = Duration.ofSeconds(30);
    /** Ctrl-C must end either program this fast (the issue's promise: cleanup, summary, exit). */
    private static final Duration AFTER_CTRL_C = Duration.ofSeconds(5);
    /** The status a JVM exits with when SIGINT ends it: 128 + 2, as a shell reports Ctrl-C. */
    private static final int STATUS_AFTER_SIGINT = 130;

    @BeforeAll
    static void jarIsBuilt() {
        assertTrue(Files.isRegularFile(ScriptRun.REPO.resolve("build/udpvideo.jar")),
                "build/udpvideo.jar is missing in " + ScriptRun.REPO + ": run make first");
    }

    @Test
    void receiverRecordsEveryFrameTheSenderSentByteIdentical(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--frames", "60",
                "--record", received.toString()).start()) {
            String port = portOf(receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line",
                    STARTUP));

            ScriptRun.Result sender = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--port", port,
                    "--frames", "60", "--fps", "60", "--record", sent.toString()), RUN);
            ScriptRun.Result receiverResult = receiver.awaitExit(RUN);

            assertEquals(0, sender.status(), "sender: " + sender);
            assertEquals(0, receiverResult.status(), "receiver: " + receiverResult);
            List<String> summaries = receiverSummaries(receiverResult);
            assertEquals(1, summaries.size(), "one summary: " + receiverResult);
            assertTrue(summaries.get(0).startsWith("received 60 frames accepted, "), summaries.get(0));
        }
        List<byte[]> sentFrames = MjpegReader.readFrames(sent);
        List<byte[]> receivedFrames = MjpegReader.readFrames(received);
        assertEquals(60, sentFrames.size(), "frames in the sender's recording");
        assertEquals(60, receivedFrames.size(), "frames in the receiver's recording");
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(sentFrames.get(i), receivedFrames.get(i), "frame " + i);
        }
    }

    /** Script, arguments (split on spaces) and the words its one line of complaint must contain. */
    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(SENDER, "--bogus", List.of("unknown option --bogus")),
                Arguments.of(SENDER, "--quality 0", List.of("--quality must be 1..100, was 0")),
                Arguments.of(SENDER, "--port 70000", List.of("--port", "70000")),
                Arguments.of(SENDER, "--size 12x", List.of("--size", "12x")),
                Arguments.of(SENDER, "--source /nonexistent.avi", List.of("no such file", "/nonexistent.avi")),
                Arguments.of(SENDER, "--source test --port", List.of("--port", "needs a value")),
                Arguments.of(SENDER, "--protocol rtp", List.of("--protocol must be one of countdown|pyshine")),
                Arguments.of(SENDER, "--listen --host 10.0.0.1", List.of("--host", "--listen")),
                Arguments.of(SENDER, "--protocol pyshine --codec png", List.of("--protocol pyshine", "--codec png")),
                Arguments.of(SENDER, "--protocol pyshine --segment-size 9000", List.of("--segment-size", "pyshine")),
                Arguments.of(SENDER, "--source test --listen --transport tcp", List.of("--listen", "tcp")),
                Arguments.of(RECEIVER, "--bogus", List.of("unknown option --bogus")),
                Arguments.of(RECEIVER, "--frames 0", List.of("--frames", "was 0")),
                Arguments.of(RECEIVER, "--connect 127.0.0.1", List.of("--connect must be HOST:PORT")),
                Arguments.of(RECEIVER, "--connect 127.0.0.1:9688 --from 127.0.0.1", List.of("--from", "--connect")),
                Arguments.of(RECEIVER, "--headless --protocol pyshine --transport tcp",
                        List.of("--protocol pyshine", "--transport tcp")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badUsage")
    void badUsageExitsTwoWithOneLineNamingTheProblem(String script, String args, List<String> words)
            throws IOException, InterruptedException {
        assertUsageError(script, words, ScriptRun.run(ScriptRun.script(script, args.split(" ")), STARTUP));
    }

    @Test
    void senderWithoutCameraExitsTwoWithOneLineNamingTheCamera() throws IOException, InterruptedException {
        assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        try (DatagramSocket sink = loopbackSink()) {
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "camera", "--frames", "1",
                    "--port", Integer.toString(sink.getLocalPort())), STARTUP);
            assertUsageError(SENDER, List.of("camera"), result);
        }
    }

    @Test
    void receiverOnPortInUseExitsTwoWithOneLineNamingThePort() throws IOException, InterruptedException {
        try (DatagramSocket taken = new DatagramSocket(0)) {
            String port = Integer.toString(taken.getLocalPort());
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--headless", "--port", port), STARTUP);
            assertUsageError(RECEIVER, List.of("port " + port, "in use"), result);
        }
    }

    /** Script and every option the issue lists for it. */
    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of(SENDER, List.of("--host", "--port", "--source", "--size", "--width", "--quality",
                        "--fps", "--frames", "--segment-size", "--simulate-loss", "--record", "--preview", "--codec",
                        "--transport", "--encoders", "--senders", "--protocol", "--listen", "--help")),
                Arguments.of(RECEIVER, List.of("--port", "--bind", "--from", "--headless", "--record", "--frames",
                        "--duration", "--rcvbuf", "--transport", "--protocol", "--connect", "--help")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void helpExitsZeroAndDescribesEveryOption(String script, List<String> options)
            throws IOException, InterruptedException {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(script, "--help"), STARTUP);
        assertEquals(0, result.status(), result.toString());
        assertEquals(List.of(), result.stderr(), "stderr");
        String help = String.join("\n", result.stdout());
        for (String option : options) {
            // an entry of the option list, not a passing mention: indented at the start of its line
            assertTrue(Pattern.compile("(?m)^\\s+" + option + "\\b").matcher(help).find(),
                    option + " is not described in:\n" + help);
        }
    }

    @Test
    void senderRunsFromAnotherDirectoryWithArgumentsPassedThrough(@TempDir Path elsewhere)
            throws IOException, InterruptedException {
        try (DatagramSocket sink = loopbackSink()) {
            // a relative path with a space: resolved in the caller's directory, kept one argument by "$@"
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script(SENDER, "--source", "test", "--frames", "3",
                    "--fps", "0", "--port", Integer.toString(sink.getLocalPort()), "--record", "sent frames.mjpeg")
                    .in(elsewhere), RUN);
            assertEquals(0, result.status(), result.toString());
        }
        assertEquals(3, MjpegReader.readFrames(elsewhere.resolve("sent frames.mjpeg")).size());
    }

    @Test
    void receiverRunsFromAnotherDirectory(@TempDir Path elsewhere) throws IOException, InterruptedException {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--help").in(elsewhere), STARTUP);
        assertEquals(0, result.status(), result.toString());
        assertTrue(result.stdout().get(0).startsWith("Usage: run-receiver.sh"), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {SENDER, RECEIVER})
    void javaOptsReachTheJvmSplitIntoWords(String script) throws IOException, InterruptedException {
        // had JAVA_OPTS stayed one word, java would complain about the heap size, not the unknown option
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(script, "--help")
                .env("JAVA_OPTS", "-Xmx64m -XX:+NoSuchOption"), STARTUP);
        assertNotEquals(0, result.status(), result.toString());
        assertEquals(1, result.stderrContaining("Unrecognized VM option 'NoSuchOption'").size(), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {SENDER, RECEIVER})
    void memoryDefaultsApplyAndJavaOptsOverrideThem(String script) throws IOException, InterruptedException {
        // -XX:+PrintFlagsFinal prints the settings the JVM ran with, one "type name = value" line each
        ScriptRun.Result defaults = ScriptRun.run(ScriptRun.script(script, "--help")
                .env("JAVA_OPTS", "-XX:+PrintFlagsFinal"), STARTUP);
        assertEquals(1, flagLines(defaults, "\\s*size_t MaxHeapSize\\s+= 134217728 .*").size(), defaults.toString());
        assertEquals(1, flagLines(defaults, "\\s*bool UseSerialGC\\s+= true .*").size(), defaults.toString());
        assertEquals(1, flagLines(defaults, "\\s*uintx MaxHeapFreeRatio\\s+= 30 .*").size(), defaults.toString());
        ScriptRun.Result overridden = ScriptRun.run(ScriptRun.script(script, "--help")
                .env("JAVA_OPTS", "-Xmx300m -XX:+UseG1GC -XX:+PrintFlagsFinal"), STARTUP);
        assertEquals(1, flagLines(overridden, "\\s*size_t MaxHeapSize\\s+= 314572800 .*").size(),
                overridden.toString());
        assertEquals(1, flagLines(overridden, "\\s*bool UseG1GC\\s+= true .*").size(), overridden.toString());
    }

    /** The lines of {@code -XX:+PrintFlagsFinal}'s output that match {@code regex}. */
    private static List<String> flagLines(ScriptRun.Result result, String regex) {
        return result.stdout().stream().filter(line -> line.matches(regex)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {SENDER, RECEIVER})
    void scriptWithoutJarSaysRunMakeFirst(String script, @TempDir Path copyDir)
            throws IOException, InterruptedException {
        Path copy = Files.copy(ScriptRun.REPO.resolve(script), copyDir.resolve(script),
                StandardCopyOption.COPY_ATTRIBUTES);
        ScriptRun.Result result = ScriptRun.run(ScriptRun.scriptAt(copy, "--help"), STARTUP);
        assertEquals(2, result.status(), result.toString());
        assertEquals(1, result.stderr().size(), result.toString());
        assertTrue(result.stderr().get(0).contains("run make first"), result.toString());
    }

    @Test
    void senderPrintsSummaryAndExitsOnCtrlC() throws IOException, InterruptedException {
        try (DatagramSocket sink = loopbackSink();
                ScriptRun sender = ScriptRun.script(SENDER, "--source", "test", "--fps", "30",
                        "--port", Integer.toString(sink.getLocalPort())).withDefaultSigint().start()) {
            sender.awaitStderr(line -> line.startsWith("sent ") && line.contains("frames/s"), "rate line", STARTUP);
            sender.interrupt();
            ScriptRun.Result result = sender.awaitExit(AFTER_CTRL_C);

            assertEquals(STATUS_AFTER_SIGINT, result.status(), result.toString());
            String summary = result.stderr().get(result.stderr().size() - 1);
            assertTrue(summary.matches("sent \\d+ frames .*"), "last line is not the summary: " + result);
            assertTrue(summary.contains("interrupted"), "summary does not say why it stopped: " + summary);
        }
    }

    @Test
    void receiverPrintsSummaryAndExitsOnCtrlC() throws IOException, InterruptedException {
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0")
                .withDefaultSigint().start()) {
            receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line", STARTUP);
            receiver.interrupt();
            ScriptRun.Result result = receiver.awaitExit(AFTER_CTRL_C);

            assertEquals(STATUS_AFTER_SIGINT, result.status(), result.toString());
            assertEquals(1, receiverSummaries(result).size(), "one summary: " + result);
        }
    }

    @Test
    void receiverWithoutDisplayFallsBackToHeadlessWithOneNotice() throws IOException, InterruptedException {
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--port", "0", "--duration", "1")
                .unset("DISPLAY").unset("WAYLAND_DISPLAY"), STARTUP);
        assertEquals(0, result.status(), result.toString());
        assertEquals(1, result.stderrContaining("no display found").size(), result.toString());
        assertEquals(1, receiverSummaries(result).size(), "one summary: " + result);
    }

    /** Exit status 2, nothing on stdout, and one stderr line from {@code script} holding every word. */
    static void assertUsageError(String script, List<String> words, ScriptRun.Result result) {
        assertEquals(2, result.status(), result.toString());
        assertEquals(List.of(), result.stdout(), "stdout");
        assertEquals(1, result.stderr().size(), "stderr lines: " + result.stderr());
        String line = result.stderr().get(0);
        assertTrue(line.startsWith(script + ": "), "does not name the program: " + line);
        for (String word : words) {
            assertTrue(line.contains(word), "'" + word + "' missing from: " + line);
        }
    }

    /** The receiver's summary lines, after checking that the last stderr line is one (nothing may follow it). */
    static List<String> receiverSummaries(ScriptRun.Result result) {
        List<String> stderr = result.stderr();
        assertTrue(!stderr.isEmpty() && stderr.get(stderr.size() - 1).matches("received \\d+ frames accepted, .*"),
                "the summary is the last line: " + result);
        return stderr.stream().filter(line -> line.matches("received \\d+ frames accepted, .*")).toList();
    }

    /** The port of {@code listening on ADDR:PORT}: what follows the last colon (ADDR may be IPv6). */
    static String portOf(String listeningLine) {
        return listeningLine.substring(listeningLine.lastIndexOf(':') + 1);
    }

    /** A bound loopback socket the sender can send to without ICMP errors; nobody reads it. Caller closes. */
    private static DatagramSocket loopbackSink() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
}
