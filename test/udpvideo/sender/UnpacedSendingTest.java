package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Dimension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.sink.MjpegReader;
import udpvideo.codec.FrameInspector;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.codec.Verdict;

/** At {@code --fps 0}, several threads encode whole frames of their own, and frames still leave in order. */
@Timeout(60)
class UnpacedSendingTest {
    @TempDir
    Path dir;

    @Test
    void framesEncodedOnSeveralThreadsLeaveInCaptureOrder() throws Exception {
        int frames = 150;
        Path sent = dir.resolve("sent.mjpeg");
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SenderConfig config = SenderConfig.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.getLocalPort()))
                    .source("test")
                    .size(new Dimension(320, 240))
                    .fps(0.0)
                    .frameLimit(frames)
                    .record(sent)
                    .senders(3)
                    .build();
            try (Sender sender = Sender.open(config, new PrintStream(new ByteArrayOutputStream()), () -> { })) {
                sender.run(new StopSignal());
                assertEquals(frames, sender.stats().frames());
            }
        }
        // the recording is written as frames leave, so its order is the order on the wire
        List<byte[]> recorded = MjpegReader.readFrames(sent);
        assertEquals(frames, recorded.size());
        FrameInspector inspector = new FrameInspector();
        for (int i = 0; i < frames; i++) {
            Verdict verdict = inspector.inspect(recorded.get(i), recorded.get(i).length);
            assertEquals(Verdict.Kind.VERIFIED, verdict.kind(), "frame " + i + ": " + verdict.reason());
            assertEquals(i, verdict.stamp().frameNumber(), "the frame sent in place " + i);
        }
        SendingThreadsTest.assertNoSendingThreadLeft();
    }
}
