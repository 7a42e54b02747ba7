package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Dimension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.sender.Sender;
import udpvideo.sender.SenderConfig;
import udpvideo.packet.CountdownPacketizer;

/** The real sender streams the test pattern to the real receiver over loopback. */
@Timeout(60)
class LoopbackStreamTest {
    @TempDir
    Path dir;

    @Test
    void receiverRecordsEveryFrameTheSenderSentByteIdentical() throws Exception {
        assertEveryFrameArrives(new Dimension(640, 480), CountdownPacketizer.MAX_SEGMENT_BYTES, 90);
    }

    @Test
    void framesOfManyDatagramsArriveByteIdentical() throws Exception {
        // 4,000-byte segments cut each 720p frame into a few dozen datagrams
        assertEveryFrameArrives(new Dimension(1280, 720), 4_000, 60);
    }

    private void assertEveryFrameArrives(Dimension size, int segmentBytes, int frames) throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop)) {
            SenderConfig config = SenderConfig.to(Loopback.target(receiver))
                    .source("test")
                    .size(size)
                    .fps(60.0)
                    .frameLimit(frames)
                    .segmentBytes(segmentBytes)
                    .record(sent)
                    .build();
            try (Sender sender = Sender.open(config, Loopback.quiet(), () -> { })) {
                sender.run(new StopSignal());
            }
            Loopback.awaitTrue(() -> receiver.stats().accepted() == frames, 10_000, frames + " accepted frames");
            assertEquals(0, receiver.stats().incomplete(), "incomplete frames");
            assertEquals(0, receiver.stats().rejected(), "rejected frames: " + receiver.stats().lastRejection());
        }
        assertEquals(frames, Loopback.assertEveryFrameWasSent(received, sent));
    }
}
