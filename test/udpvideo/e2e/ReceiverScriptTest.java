package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.sink.MjpegReader;

/**
 * What a new user hit with {@code run-receiver.sh} (issue 13, section 4), each as the user ran it: a display that
 * cannot be reached, {@code --frames} waiting for the sender, wrong messages for {@code --rcvbuf} and
 * {@code --bind}, {@code --bind 0.0.0.0} listening on IPv6 too, the first-frame time, the receive-buffer warning
 * and the rate a recording plays at. Real processes on loopback; waits are for printed lines or exits.
 */
class ReceiverScriptTest {
    private static final String SENDER = "run-sender.sh";
    private static final String RECEIVER = "run-receiver.sh";
    /** Generous for a JVM start on a loaded CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration RUN = Duration.ofSeconds(30);
    /** How long after its frame a receiver with --frames may take to be gone: cleanup, summary, JVM exit. */
    private static final Duration PROMPT_EXIT = Duration.ofSeconds(1);
    private static final Pattern FIRST_SHOWN = Pattern.compile(
            "first frame shown (\\d+\\.\\d\\d) s after the first packet arrived, (\\d+\\.\\d\\d) s after start");

    @Test
    void receiverWithUnreachableDisplayFallsBackToHeadlessWithOneLine() throws IOException, InterruptedException {
        assumeFalse(Files.exists(Path.of("/tmp/.X11-unix/X77")), "this machine has a display :77");
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--port", "0", "--duration", "1")
                .env("DISPLAY", ":77"), STARTUP);
        assertEquals(0, result.status(), result.toString());
        assertEquals(1, result.stderrContaining("display").size(), "one notice: " + result);
        assertEquals(List.of(), result.stderrContaining("Error"), result.toString());
        String notice = result.stderr().get(0);
        assertTrue(notice.startsWith(RECEIVER + ": the display DISPLAY=:77 cannot be reached"), notice);
        assertTrue(notice.contains("running headless"), notice);
        assertEquals(1, ScriptsTest.receiverSummaries(result).size(), result.toString());
    }

    @ParameterizedTest(name = "--headless {0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("try") // the sender only has to run; closing it kills it
    void receiverWithUnreachableDisplayStillShowsFramesOffscreen(boolean isHeadless)
            throws IOException, InterruptedException {
        assumeFalse(Files.exists(Path.of("/tmp/.X11-unix/X77")), "this machine has a display :77");
        // with --headless too: drawing offscreen must not try the display
        List<String> args = new ArrayList<>(List.of("--port", "0", "--frames", "3"));
        if (isHeadless) {
            args.add("--headless");
        }
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, args.toArray(String[]::new)).env("DISPLAY", ":77")
                .start();
                ScriptRun sender = startSender(receiver, "--frames", "60", "--fps", "30")) {
            ScriptRun.Result result = receiver.awaitExit(RUN);
            assertEquals(0, result.status(), result.toString());
            assertTrue(ScriptsTest.receiverSummaries(result).get(0).startsWith("received 3 frames accepted, "),
                    result.toString());
            assertEquals(List.of(), result.stderrContaining("AWTError"), result.toString());
        }
    }

    @Test
    void receiverWithFrameLimitExitsAsSoonAsItsFrameIsAccepted() throws IOException, InterruptedException {
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--frames", "1").start();
                // the sender: its second frame, and its exit, come 2 s after its first
                ScriptRun sender = startSender(receiver, "--frames", "2", "--fps", "0.5")) {
            sender.awaitStderr(line -> line.startsWith("sending "), "sender's first line", STARTUP);
            long firstFrameLeft = System.nanoTime(); // the first frame leaves right after that line
            ScriptRun.Result result = receiver.awaitExit(RUN);
            long exitMillis = (System.nanoTime() - firstFrameLeft) / 1_000_000;

            assertEquals(0, result.status(), result.toString());
            assertTrue(ScriptsTest.receiverSummaries(result).get(0).startsWith("received 1 frames accepted, "),
                    result.toString());
            assertTrue(exitMillis < PROMPT_EXIT.toMillis(), "the receiver exited " + exitMillis
                    + " ms after the sender's first frame; " + result);
        }
    }

    @Test
    void rcvbufTooLargeSaysTheRange() throws IOException, InterruptedException {
        ScriptsTest.assertUsageError(RECEIVER, List.of("--rcvbuf must be 1024..2147483647, was 2147483648"),
                ScriptRun.run(ScriptRun.script(RECEIVER, "--headless", "--rcvbuf", "2147483648"), STARTUP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void bindToAnotherMachinesAddressSaysSo(String transport) throws IOException, InterruptedException {
        InetAddress foreign = InetAddress.getByName("198.51.100.77"); // TEST-NET-2: documentation only
        assumeTrue(NetworkInterface.getByInetAddress(foreign) == null, "this machine has " + foreign);
        ScriptRun.Result result = ScriptRun.run(ScriptRun.script(RECEIVER, "--headless", "--port", "0",
                "--transport", transport, "--bind", "198.51.100.77"), STARTUP);
        ScriptsTest.assertUsageError(RECEIVER, List.of("198.51.100.77 is not an address of this machine",
                "127.0.0.1"), result);
        assertEquals(List.of(), result.stderrContaining("another receiver"), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void bindToIpv4WildcardListensOnIpv4OnlyAndSaysSo(String transport) throws IOException, InterruptedException {
        assumeTrue(hasIpv6Loopback(), "no IPv6 loopback here");
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--transport", transport,
                "--bind", "0.0.0.0").start()) {
            String listening = receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line",
                    STARTUP);
            assertTrue(listening.startsWith("listening on 0.0.0.0:"), listening);
            // the receiver left [::1] of its port free: it does not listen on IPv6
            assertNull(bindIpv6Loopback(transport, Integer.parseInt(ScriptsTest.portOf(listening))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void withoutBindListensOnBothFamiliesAndSaysSo(String transport) throws IOException, InterruptedException {
        assumeTrue(hasIpv6Loopback(), "no IPv6 loopback here");
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--transport", transport)
                .start()) {
            String listening = receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line",
                    STARTUP);
            assertTrue(listening.startsWith("listening on [::]:"), listening);
            assertTrue(bindIpv6Loopback(transport, Integer.parseInt(ScriptsTest.portOf(listening)))
                    instanceof BindException, "[::1] of its port is free: the receiver is not on IPv6");
        }
    }

    /**
     * One healthy recorded run: the first-frame line parts waiting from showing, no buffer warning for a buffer
     * the system caps (a gigabyte asked for, frames that fit), and the summary gives ffplay the rate.
     */
    @Test
    @SuppressWarnings("try") // the sender only has to run; closing it kills it
    void healthyRecordedRunSaysWhenTheFirstFrameCameAndHowToPlayTheRecording(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path recording = dir.resolve("received.mjpeg");
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--frames", "45",
                "--rcvbuf", "1000000000", "--record", recording.toString()).start();
                ScriptRun sender = startSender(receiver, "--frames", "45", "--fps", "30")) {
            ScriptRun.Result result = receiver.awaitExit(RUN);
            assertEquals(0, result.status(), result.toString());

            List<String> first = result.stderrContaining("first frame shown");
            assertEquals(1, first.size(), result.toString());
            Matcher times = FIRST_SHOWN.matcher(first.get(0));
            assertTrue(times.matches(), first.get(0));
            assertTrue(Double.parseDouble(times.group(1)) < Double.parseDouble(times.group(2)), first.get(0));

            assertEquals(List.of(), result.stderrContaining("warning"), result.toString());

            String summary = ScriptsTest.receiverSummaries(result).get(0);
            Matcher play = Pattern.compile("play the recording at its rate with: ffplay -f mjpeg -framerate (\\d+) "
                    + Pattern.quote(recording.toString()) + "$").matcher(summary);
            assertTrue(play.find(), summary);
            int rate = Integer.parseInt(play.group(1));
            assertTrue(rate >= 25 && rate <= 35, "30 fps sent, " + rate + " to play: " + summary);
        }
        assertEquals(45, MjpegReader.readFrames(recording).size());
    }

    @Test
    @SuppressWarnings("try") // the sender only has to run; closing it kills it
    void receiveBufferTooSmallForAFrameWarnsOnceWithWhatToDo() throws IOException, InterruptedException {
        try (ScriptRun receiver = ScriptRun.script(RECEIVER, "--headless", "--port", "0", "--frames", "5",
                "--rcvbuf", "1024").start();
                ScriptRun sender = startSender(receiver, "--frames", "300", "--fps", "30")) {
            ScriptRun.Result result = receiver.awaitExit(RUN);
            assertEquals(0, result.status(), result.toString());
            List<String> warnings = result.stderrContaining("warning");
            assertEquals(1, warnings.size(), result.toString());
            String warning = warnings.get(0);
            assertTrue(warning.contains("more than the receive buffer holds"), warning);
            assertTrue(warning.contains("--rcvbuf 4194304"), warning);
            assertTrue(warning.contains("sudo sysctl -w net.core.rmem_max=4194304"), warning);
        }
    }

    /** Starts the test pattern toward {@code receiver} once it listens, with {@code args}; the caller closes it. */
    private static ScriptRun startSender(ScriptRun receiver, String... args) throws IOException, InterruptedException {
        String port = ScriptsTest.portOf(receiver.awaitStdout(line -> line.startsWith("listening on "),
                "listening line", STARTUP));
        List<String> words = new ArrayList<>(List.of("--source", "test", "--port", port));
        words.addAll(List.of(args));
        return ScriptRun.script(SENDER, words.toArray(String[]::new)).start();
    }

    /** Binds (and closes) a socket on [::1]:port; null when that worked, else why not. */
    private static IOException bindIpv6Loopback(String transport, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("::1"), port);
        try {
            if (transport.equals("udp")) {
                new DatagramSocket(address).close();
            } else {
                new ServerSocket(port, 1, address.getAddress()).close();
            }
            return null;
        } catch (BindException e) {
            return e;
        }
    }

    private static boolean hasIpv6Loopback() {
        try {
            new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0)).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
