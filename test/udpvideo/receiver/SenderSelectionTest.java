package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.sink.MjpegReader;
import udpvideo.sender.Sender;
import udpvideo.sender.SenderConfig;
import udpvideo.viewer.OffscreenView;
import udpvideo.stamp.FrameStamp;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.codec.jpeg.TestJpegs;

/** With two senders on one port, one is shown at a time, and --from filters by address. */
@Timeout(60)
class SenderSelectionTest {
    @TempDir
    Path dir;

    @Test
    void secondSenderIsShownOnlyAfterTheFirstFallsSilent() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sentByFirst = dir.resolve("first.mjpeg");
        Path sentBySecond = dir.resolve("second.mjpeg");
        try (Receiver receiver = Loopback.startReceiver(received, new StopSignal())) {
            Thread second = new Thread(() -> send(receiver, sentBySecond, 150), "test-second-sender");
            Thread first = new Thread(() -> send(receiver, sentByFirst, 45), "test-first-sender");
            first.start();
            Loopback.awaitTrue(() -> receiver.stats().accepted() > 0, 5_000, "the first sender's first frame");
            second.start();
            first.join(10_000);
            second.join(15_000);
            assertTrue(receiver.stats().otherSenderDatagrams() > 0, "the second sender was counted while hidden");
        }
        Set<String> first = hashes(MjpegReader.readFrames(sentByFirst));
        Set<String> second = hashes(MjpegReader.readFrames(sentBySecond));
        List<byte[]> frames = MjpegReader.readFrames(received);
        int switchAt = 0;
        while (switchAt < frames.size() && first.contains(hash(frames.get(switchAt)))) {
            switchAt++;
        }
        assertEquals(45, switchAt, "every frame of the first sender, first");
        for (int i = switchAt; i < frames.size(); i++) {
            assertTrue(second.contains(hash(frames.get(i))), "frame " + i + " after the switch is the second's");
        }
        // at 30 fps the second sender streamed for 5 s, and took over about a second after the first stopped
        assertTrue(frames.size() - switchAt > 30, "the second sender was shown: " + (frames.size() - switchAt));
    }

    @Test
    void fromFilterIgnoresEveryOtherAddress() throws Exception {
        InetAddress allowed = InetAddress.getByName("127.0.0.2");
        ReceiverConfig config = ReceiverConfig.onPort(0)
                .bind(InetAddress.getLoopbackAddress())
                .onlyFrom(allowed)
                .build();
        try (Receiver receiver = Receiver.start(config, new OffscreenView(Loopback.quiet()), new StopSignal(),
                Loopback.quiet());
                DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket chosen = new DatagramSocket(new InetSocketAddress(allowed, 0))) {
            // one stamped frame, small enough for one datagram
            byte[] datagram = TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES),
                    TestJpegs.stampedJpeg(160, 120, 3, 3, FrameStamp.currentTimeMicros())).get(0);
            InetSocketAddress target = Loopback.target(receiver);
            other.send(new DatagramPacket(datagram, datagram.length, target));
            Loopback.awaitTrue(() -> receiver.stats().otherSenderDatagrams() == 1, 5_000, "the filtered datagram");
            assertEquals(0, receiver.stats().accepted());
            chosen.send(new DatagramPacket(datagram, datagram.length, target));
            Loopback.awaitTrue(() -> receiver.stats().accepted() == 1, 5_000, "the allowed sender's frame");
        }
    }

    private static void send(Receiver receiver, Path record, int frames) {
        SenderConfig config = SenderConfig.to(Loopback.target(receiver))
                .source("test")
                .size(new Dimension(320, 240))
                .fps(30.0)
                .frameLimit(frames)
                .record(record)
                .build();
        try (Sender sender = Sender.open(config, Loopback.quiet(), () -> { })) {
            sender.run(new StopSignal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> hashes(List<byte[]> frames) {
        Set<String> set = new HashSet<>();
        frames.forEach(frame -> set.add(hash(frame)));
        return set;
    }

    private static String hash(byte[] frame) {
        return HexFormat.of().formatHex(frame);
    }
}
