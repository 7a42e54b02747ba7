package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TCP receiver killed in the middle of a stream and started again on the same port gets frames again within
 * two seconds, from the same sender, which says once that it lost the connection.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a backstop: every wait below has its own bound
class TcpRestartTest {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    @Test
    void aReceiverStartedAgainGetsFramesWithinTwoSecondsWithoutRestartingTheSender()
            throws IOException, InterruptedException {
        String port = Integer.toString(freePort());
        ScriptRun first = receiver(port).start(); // not a resource: it is killed in the middle of the test
        try {
            // the sender starts once the receiver listens, so that its only outage is the one made here
            first.awaitStdout(line -> line.startsWith("listening on "), "first receiver listening", STARTUP);
            try (ScriptRun sender = ScriptRun.script("run-sender.sh", "--source", "test", "--transport", "tcp",
                    "--port", port, "--fps", "30", "--frames", "1800").withDefaultSigint().start()) {
                try {
                    first.awaitStderr(line -> line.startsWith("first frame shown"), "a first frame", STARTUP);
                } finally {
                    first.close(); // SIGKILL: the receiver dies mid-stream, with no chance to say goodbye
                }
                try (ScriptRun second = receiver(port).start()) {
                    second.awaitStdout(line -> line.startsWith("listening on "), "second receiver listening",
                            STARTUP);
                    long listening = System.nanoTime();
                    second.awaitStderr(line -> line.startsWith("first frame shown"), "a frame after the restart",
                            Duration.ofSeconds(5));
                    double seconds = (System.nanoTime() - listening) / 1e9;
                    assertTrue(seconds < 2, "the first frame came " + seconds + " s after the receiver listened");
                }
                sender.interrupt();
                ScriptRun.Result result = sender.awaitExit(Duration.ofSeconds(10));
                assertEquals(1, result.stderrContaining("tcp: no connection to").size(),
                        "the sender says once that the receiver went away: " + result);
            }
        } finally {
            first.close(); // idempotent: whatever failed above, no receiver is left running
        }
    }

    private static ScriptRun.Launch receiver(String port) {
        return ScriptRun.script("run-receiver.sh", "--headless", "--transport", "tcp", "--port", port);
    }

    /** A port nobody listens on now: the system's pick, released again for the receiver to take. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
