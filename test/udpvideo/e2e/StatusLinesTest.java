package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the receiver says once a second, through the scripts: whom it ignores, and nothing under --quiet. */
class StatusLinesTest {
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration RUN = Duration.ofSeconds(30);

    private static String portOf(String listening) {
        return listening.substring(listening.lastIndexOf(':') + 1);
    }

    @Test
    @SuppressWarnings("try") // the sender only has to run meanwhile; closing it ends it
    void aReceiverSaysWithinASecondWhomFromIgnores() throws IOException, InterruptedException {
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--headless", "--port", "0", "--from",
                "10.1.2.3", "--duration", "20").start()) {
            String port = portOf(receiver.awaitStdout(line -> line.startsWith("listening on "), "listening",
                    STARTUP));
            try (ScriptRun sender = ScriptRun.script("run-sender.sh", "--source", "test", "--port", port, "--fps",
                    "30").start()) {
                String line = receiver.awaitStderr(text -> text.contains("ignoring datagrams from 127.0.0.1:"),
                        "the status line naming the ignored sender", STARTUP);
                assertTrue(line.endsWith(": --from admits only 10.1.2.3"), line);
            }
        }
    }

    /** A headless receiver with {@code options} that takes 60 frames of a test-pattern sender; what it printed. */
    private static ScriptRun.Result receiveSixtyFrames(String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--headless", "--port", "0", "--frames", "60"));
        args.addAll(List.of(options));
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", args.toArray(String[]::new)).start()) {
            String port = portOf(receiver.awaitStdout(line -> line.startsWith("listening on "), "listening",
                    STARTUP));
            ScriptRun.Result sender = ScriptRun.run(ScriptRun.script("run-sender.sh", "--source", "test", "--port",
                    port, "--fps", "30", "--frames", "90"), RUN);
            assertEquals(0, sender.status(), sender.toString());
            ScriptRun.Result result = receiver.awaitExit(RUN);
            assertEquals(0, result.status(), result.toString());
            assertTrue(result.stderr().get(result.stderr().size() - 1).startsWith("received 60 frames accepted, "),
                    result.toString());
            return result;
        }
    }

    @Test
    void quietSilencesTheStatusLineButNotTheSummary() throws IOException, InterruptedException {
        ScriptRun.Result result = receiveSixtyFrames("--quiet");
        List<String> status = result.stderr().stream().filter(line -> line.startsWith("udpvideo ")).toList();
        assertEquals(List.of(), status, "no status line under --quiet");
    }

    @Test
    void withoutQuietTheStatusLineLabelsBothRates() throws IOException, InterruptedException {
        ScriptRun.Result result = receiveSixtyFrames();
        assertTrue(result.stderr().stream().anyMatch(line -> line.matches(
                "udpvideo from 127\\.0\\.0\\.1:\\d+ \\| accepted [\\d.]+ fps, shown [\\d.]+ fps \\| \\d+ lost .*")),
                result.toString());
    }
}
