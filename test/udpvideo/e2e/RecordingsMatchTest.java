package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the user runs, for every codec and transport: the sender records what it sent, the receiver what it
 * accepted, and the two files are the same bytes ({@code cmp}), 300 frames of 1280x720 at 30 fps.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS) // a backstop: every wait below has its own bound
class RecordingsMatchTest {
    private static final int FRAMES = 300;
    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** 300 frames at 30 fps is 10 s; PNG at 720p encodes at about 10 a second here, so allow for 30 s and more. */
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Path IN_MEMORY = Path.of("/dev/shm");

    @ParameterizedTest(name = "--codec {0} --transport {1}")
    // not raw over TCP: at 83 MB/s a stall of two frame times on a busy machine makes the sender replace a frame,
    // as it must (newest wins), and then the receiver's recording rightly lacks it
    @CsvSource({"raw, udp", "png, udp", "jpeg, tcp", "png, tcp"})
    void theReceiversRecordingIsTheSendersByteForByte(String codec, String transport)
            throws IOException, InterruptedException {
        // in memory where there is a tmpfs: 800 MB of raw frames a side must not wait on a disk's write-back
        Path dir = Files.isDirectory(IN_MEMORY) ? Files.createTempDirectory(IN_MEMORY, "udpvideo-test")
                : Files.createTempDirectory("udpvideo-test");
        try {
            compareRecordings(codec, transport, dir.resolve("r.bin"), dir.resolve("s.bin"));
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void compareRecordings(String codec, String transport, Path received, Path sent)
            throws IOException, InterruptedException {
        // --duration bounds the receiver, so that a run that falls short still ends with its summary
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--headless", "--port", "0", "--frames",
                Integer.toString(FRAMES), "--duration", "90", "--transport", transport, "--record",
                received.toString()).start()) {
            String listening = receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line",
                    STARTUP);
            String port = listening.substring(listening.lastIndexOf(':') + 1);
            ScriptRun.Result sender = ScriptRun.run(ScriptRun.script("run-sender.sh", "--source", "test", "--size",
                    "1280x720", "--frames", Integer.toString(FRAMES), "--fps", "30", "--codec", codec,
                    "--transport", transport, "--port", port, "--record", sent.toString()), RUN);
            ScriptRun.Result receiverResult = receiver.awaitExit(RUN);
            assertEquals(0, sender.status(), "sender: " + sender);
            assertEquals(0, receiverResult.status(), "receiver: " + receiverResult);
            String summary = receiverResult.stderr().get(receiverResult.stderr().size() - 1);
            assertTrue(summary.startsWith("received " + FRAMES + " frames accepted, "),
                    summary + "; sender: " + sender.stderr().get(sender.stderr().size() - 1));
        }
        byte[] sentBytes = Files.readAllBytes(sent);
        byte[] receivedBytes = Files.readAllBytes(received);
        assertTrue(sentBytes.length > FRAMES * 100_000, "the sender recorded " + sentBytes.length + " bytes");
        assertEquals(-1, Arrays.mismatch(sentBytes, receivedBytes), "the recordings differ at that byte");
    }

    @Test
    void rawFullHdAtThirtyFramesASecondArrivesWithoutLossWithTheDefaultReceiveBuffer()
            throws IOException, InterruptedException {
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--headless", "--port", "0", "--frames", "60",
                "--duration", "60").start()) {
            String listening = receiver.awaitStdout(line -> line.startsWith("listening on "), "listening line",
                    STARTUP);
            String port = listening.substring(listening.lastIndexOf(':') + 1);
            ScriptRun.Result sender = ScriptRun.run(ScriptRun.script("run-sender.sh", "--source", "test", "--size",
                    "1920x1080", "--frames", "60", "--fps", "30", "--codec", "raw", "--port", port), RUN);
            ScriptRun.Result receiverResult = receiver.awaitExit(RUN);
            assertEquals(0, sender.status(), "sender: " + sender);
            String summary = receiverResult.stderr().get(receiverResult.stderr().size() - 1);
            // 6.2 MB and 96 datagrams a frame, each frame over one and a half times the 4 MiB buffer
            assertTrue(summary.startsWith("received 60 frames accepted, ") && summary.contains(" 0 incomplete,"),
                    summary);
        }
    }
}
