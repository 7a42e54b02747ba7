package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Out of memory, wherever it strikes, ends a program with one line that says what to do (give Java more heap
 * with {@code JAVA_OPTS=-Xmx...}) and status 1, and no stack trace: the real sender given too small a heap for
 * its frames, and {@link OutOfMemoryChild} for the threads and paths the sender does not reach on its own.
 */
class OutOfMemoryTest {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String HINT = "ran out of memory; give Java more, such as JAVA_OPTS=-Xmx1g (the run"
            + " scripts pass it on)";

    @Test
    void senderOutOfHeapWhileSendingSaysSoInOneLineAfterItsSummary() throws Exception {
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // a 4096 x 4096 raw frame is 50 MB, and the sender holds the picture, the frame and its stamped copy
            ScriptRun.Result result = ScriptRun.run(ScriptRun.script("run-sender.sh", "--source", "test",
                    "--size", "4096x4096", "--codec", "raw", "--frames", "3", "--port",
                    Integer.toString(sink.getLocalPort())).env("JAVA_OPTS", "-Xmx160m"), RUN);
            assertEquals(1, result.status(), result.toString());
            List<String> stderr = result.stderr();
            assertEquals("run-sender.sh: failed: " + HINT, stderr.get(stderr.size() - 1), result.toString());
            assertEquals(1, result.stderrContaining("memory").size(), result.toString());
            assertNoStackTrace(result);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--main", "--wrapped"})
    void outOfMemoryInTheProgramsWorkIsOneLine(String where) throws Exception {
        ScriptRun.Result result = runChild(where);
        assertEquals(1, result.status(), result.toString());
        assertEquals(List.of("summary: 0 frames", "oom-child: failed: " + HINT), result.stderr());
    }

    @Test
    void outOfMemoryInAThreadNobodyWatchesIsOneLineNamingIt() throws Exception {
        ScriptRun.Result result = runChild("--thread");
        assertEquals(1, result.status(), result.toString());
        assertEquals(List.of("summary: 0 frames", "oom-child: failed: thread oom-worker " + HINT), result.stderr());
    }

    private static ScriptRun.Result runChild(String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ScriptRun.run(ScriptRun.command(java, "-Xmx32m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), OutOfMemoryChild.class.getName(), where), RUN);
    }

    private static void assertNoStackTrace(ScriptRun.Result result) {
        for (String line : result.stderr()) {
            assertTrue(!line.startsWith("\tat ") && !line.startsWith("Exception in thread"),
                    "a stack trace: " + result);
        }
    }
}
