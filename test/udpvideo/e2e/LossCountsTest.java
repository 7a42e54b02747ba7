package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.MalformedJpegException;
import udpvideo.sink.MjpegReader;

/**
 * The receiver's loss figures against what the sender did, through the scripts: {@code --simulate-loss 0.2}
 * drops datagrams at the sender, and the receiver's {@code lost} counts the frames that went missing.
 */
class LossCountsTest {
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Duration AFTER_CTRL_C = Duration.ofSeconds(10);
    private static final Pattern DROPPED = Pattern.compile("(\\d+) datagrams dropped by --simulate-loss");
    private static final Pattern LOST = Pattern.compile(
            "; (\\d+) lost \\(([\\d.]+)%\\) of (\\d+) sent: (\\d+) never arrived, (\\d+) arrived incomplete,"
                    + " (\\d+) rejected");
    private static final Pattern COUNTS = Pattern.compile(
            "received (\\d+) frames accepted, \\d+ shown, \\d+ skipped, (\\d+) incomplete, (\\d+) rejected");

    @TempDir
    Path dir;

    /** What one run printed and recorded. */
    private record Run(int droppedDatagrams, String summary, List<byte[]> recorded) {
        Matcher lost() {
            Matcher lost = LOST.matcher(summary);
            assertTrue(lost.find(), "no loss figures in: " + summary);
            return lost;
        }

        Matcher counts() {
            Matcher counts = COUNTS.matcher(summary);
            assertTrue(counts.find(), summary);
            return counts;
        }
    }

    private Run run(String size, int frames) throws IOException, InterruptedException {
        Path received = dir.resolve(size + ".mjpeg");
        try (ScriptRun receiver = ScriptRun.script("run-receiver.sh", "--headless", "--port", "0", "--record",
                received.toString()).withDefaultSigint().start()) {
            String listening = receiver.awaitStdout(line -> line.startsWith("listening on "), "listening", STARTUP);
            String port = listening.substring(listening.lastIndexOf(':') + 1);
            ScriptRun.Result sender = ScriptRun.run(ScriptRun.script("run-sender.sh", "--source", "test", "--size",
                    size, "--port", port, "--frames", String.valueOf(frames), "--fps", "60", "--simulate-loss",
                    "0.2"), RUN);
            assertEquals(0, sender.status(), sender.toString());
            Matcher dropped = DROPPED.matcher(sender.stderr().get(sender.stderr().size() - 1));
            assertTrue(dropped.find(), sender.toString());
            receiver.interrupt(); // the sender's JVM took far longer to exit than the receiver to catch up
            ScriptRun.Result result = receiver.awaitExit(AFTER_CTRL_C);
            String summary = result.stderr().get(result.stderr().size() - 1);
            return new Run(Integer.parseInt(dropped.group(1)), summary, MjpegReader.readFrames(received));
        }
    }

    private static long frameNumber(byte[] jpeg) throws MalformedJpegException {
        return JpegHeader.parse(jpeg, jpeg.length).stamp.frameNumber();
    }

    @Test
    void atOneDatagramAFrameTheLossIsTheDatagramsDropped() throws Exception {
        Run run = run("640x480", 300);
        double droppedPercent = 100.0 * run.droppedDatagrams() / 300; // 640x480: one datagram a frame
        Matcher lost = run.lost();
        double lostPercent = Double.parseDouble(lost.group(2));
        assertTrue(run.droppedDatagrams() > 20, "the sender dropped datagrams: " + run.droppedDatagrams());
        assertTrue(Math.abs(lostPercent - droppedPercent) <= 3, "lost " + lostPercent + "% against "
                + droppedPercent + "% dropped: " + run.summary());
        assertEquals(lost.group(1), lost.group(4), "every loss is a frame that never arrived: " + run.summary());
    }

    @Test
    void atSeveralDatagramsAFrameTheCountersAddUpToTheFramesNotAccepted() throws Exception {
        int frames = 150;
        Run run = run("1280x720", frames);
        Matcher counts = run.counts();
        Matcher lost = run.lost();
        long accepted = Long.parseLong(counts.group(1));
        assertEquals(accepted, run.recorded().size(), "every accepted frame recorded");
        long first = frameNumber(run.recorded().get(0));
        long last = frameNumber(run.recorded().get(run.recorded().size() - 1));
        long lostFrames = Long.parseLong(lost.group(1));
        long never = Long.parseLong(lost.group(4));
        long incomplete = Long.parseLong(lost.group(5));
        long rejected = Long.parseLong(lost.group(6));
        assertEquals(lostFrames, never + incomplete + rejected, run.summary());
        assertEquals(last - first + 1, Long.parseLong(lost.group(3)), "sent, as the numbers say: " + run.summary());
        // frames the receiver cannot know of: lost before its first accepted frame or after its last
        long unseen = first + (frames - 1 - last);
        assertEquals(frames - accepted, lostFrames + unseen, run.summary());
        assertTrue(incomplete > 0, "at several datagrams a frame, most losses arrive in part: " + run.summary());
        assertTrue(incomplete <= Long.parseLong(counts.group(2)) && rejected <= Long.parseLong(counts.group(3)),
                run.summary());
    }
}
