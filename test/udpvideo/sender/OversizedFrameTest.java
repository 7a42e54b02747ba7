package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.cli.StopSignal;
import udpvideo.packet.CountdownPacketizer;

/** A frame the one-byte countdown cannot number is skipped with a warning that says what to do. */
@Timeout(30)
class OversizedFrameTest {
    @Test
    void skipsAFrameThatNeedsMoreThan255DatagramsWithAWarning() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // quality 100 at 1920x1080 is far more than 255 x 512 = 130,560 bytes
            SenderConfig config = SenderConfig.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.getLocalPort()))
                    .source("test")
                    .size(new Dimension(1920, 1080))
                    .quality(100)
                    .fps(0.0)
                    .frameLimit(2)
                    .segmentBytes(CountdownPacketizer.MIN_SEGMENT_BYTES)
                    .build();
            try (Sender sender = Sender.open(config, new PrintStream(log, true, StandardCharsets.UTF_8), () -> { })) {
                sender.run(new StopSignal());
                assertEquals(0, sender.stats().frames());
                assertTrue(sender.summary().contains("2 frames too large"), sender.summary());
            }
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one warning for both frames: " + lines);
        String warning = lines.get(0);
        assertTrue(warning.startsWith("warning: frame 0 skipped: a frame of "), warning);
        assertTrue(warning.contains("the countdown byte allows 255")
                && warning.contains("; lower --quality or --width, or raise --segment-size"), warning);
    }
}
