package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.sender.Sender;
import udpvideo.sender.SenderConfig;
import udpvideo.sink.MjpegReader;
import udpvideo.stamp.FrameStamp;
import udpvideo.codec.jpeg.JpegCommentStamper;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.HostileJpegs;
import udpvideo.codec.jpeg.TestJpegs;

/** The receiver on loopback against loss, duplicates, reordering, garbage, decompression and scan bombs. */
@Timeout(90)
class HostileNetworkTest {
    @TempDir
    Path dir;

    @Test
    void acceptsNoCorruptedFrameThroughARelayThatDropsDuplicatesAndSwaps() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        LossyRelay relay;
        try (Receiver receiver = Loopback.startReceiver(received, stop)) {
            relay = new LossyRelay(Loopback.target(receiver), 42, 0.03, 0.03, 0.03);
            // 720p in 8,000-byte segments: about a dozen datagrams a frame, so most damage hits a frame's middle
            SenderConfig config = SenderConfig.to(relay.address())
                    .source("test")
                    .size(new Dimension(1280, 720))
                    .fps(60.0)
                    .frameLimit(150)
                    .segmentBytes(8_000)
                    .record(sent)
                    .build();
            try (Sender sender = Sender.open(config, Loopback.quiet(), () -> { })) {
                sender.run(new StopSignal());
            }
            long expectedLosses = 5;
            Loopback.awaitTrue(() -> receiver.stats().incomplete() + receiver.stats().rejected() >= expectedLosses
                    && receiver.stats().accepted() > 0, 10_000, "both losses and accepted frames");
            relay.close();
        }
        assertTrue(relay.dropped > 0 && relay.duplicated > 0 && relay.swapped > 0, "the relay misbehaved");
        int accepted = Loopback.assertEveryFrameWasSent(received, sent);
        assertTrue(accepted >= 20, "too few frames survived: " + accepted);
    }

    @Test
    void keepsReceivingAfterAFloodOfRandomDatagrams() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket attacker = new DatagramSocket()) {
            Random random = new Random(7);
            for (int i = 0; i < 3_000; i++) {
                byte[] garbage = new byte[random.nextInt(2_000)];
                random.nextBytes(garbage);
                attacker.send(new DatagramPacket(garbage, garbage.length, Loopback.target(receiver)));
            }
            Loopback.awaitTrue(() -> receiver.stats().garbage() + receiver.stats().incomplete()
                    + receiver.stats().rejected() > 0, 5_000, "the flood to be counted");
            streamAndExpectAll(receiver, sent, 30);
        }
        assertEquals(30, Loopback.assertEveryFrameWasSent(received, sent));
    }

    @Test
    void rejectsADecompressionBombAndKeepsReceiving() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket attacker = new DatagramSocket()) {
            // a real, stamped (CRC-valid) JPEG whose header claims 60000 x 60000 pixels: 10 GB once decoded
            byte[] huge = TestJpegs.withDeclaredSize(TestJpegs.jpeg(64, 48, 1), 60_000, 60_000);
            byte[] bomb = new JpegCommentStamper().stamp(huge, huge.length, 0, FrameStamp.currentTimeMicros());
            byte[] unstampedBomb = TestJpegs.withDeclaredSize(TestJpegs.jpeg(64, 48, 1), 65_000, 65_000);
            send(attacker, Loopback.target(receiver), bomb);
            send(attacker, Loopback.target(receiver), unstampedBomb);
            Loopback.awaitTrue(() -> receiver.stats().rejected() == 2, 5_000, "both bombs rejected");
            assertTrue(receiver.stats().lastRejection().contains("outside"), receiver.stats().lastRejection());
            streamAndExpectAll(receiver, sent, 20);
        }
        assertEquals(20, Loopback.assertEveryFrameWasSent(received, sent));
    }

    @Test
    void rejectsHostileJpegsBeforeDecodingAndKeepsReceiving() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket attacker = new DatagramSocket()) {
            // unstamped, as the tutorial's frames are: only the scan check stands between them and a decoder
            byte[] oneDatagram = HostileJpegs.progressive(4096, 4096, 1_000);
            byte[] larger = HostileJpegs.progressive(8192, 8192, 200);
            byte[] baseline = HostileJpegs.withFrameMarker(JpegHeader.SOF0, 4096, 4096, 1_000);
            assertEquals(1, TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES),
                    oneDatagram).size(), "the first bomb is one datagram");
            send(attacker, Loopback.target(receiver), oneDatagram);
            send(attacker, Loopback.target(receiver), larger);
            send(attacker, Loopback.target(receiver), baseline);
            Loopback.awaitTrue(() -> receiver.stats().rejected() == 3, 5_000, "three bombs rejected");
            assertTrue(receiver.stats().lastRejection().contains("1000 scans"), receiver.stats().lastRejection());
            assertEquals(0, receiver.stats().decoded(), "no bomb reached a decoder");
            streamAndExpectAll(receiver, sent, 20);
        }
        assertEquals(20, Loopback.assertEveryFrameWasSent(received, sent));
    }

    @Test
    void garbageFromAnotherAddressNeverTakesOverTheScreen() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket attacker = new DatagramSocket()) {
            Thread sending = new Thread(() -> {
                try {
                    SenderConfig config = SenderConfig.to(Loopback.target(receiver))
                            .source("test")
                            .fps(30.0)
                            .frameLimit(60)
                            .record(sent)
                            .build();
                    try (Sender sender = Sender.open(config, Loopback.quiet(), () -> { })) {
                        sender.run(new StopSignal());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-sender");
            sending.start();
            Loopback.awaitTrue(() -> receiver.stats().accepted() > 0, 5_000, "the first frame");
            Random random = new Random(3);
            while (sending.isAlive()) {
                byte[] garbage = new byte[1 + random.nextInt(1_000)];
                random.nextBytes(garbage);
                garbage[0] = 1; // a complete one-segment "frame" every time
                attacker.send(new DatagramPacket(garbage, garbage.length, Loopback.target(receiver)));
                Thread.sleep(2); // pacing the flood, not synchronizing
            }
            Loopback.awaitTrue(() -> receiver.stats().accepted() == 60, 5_000, "all 60 frames of the real sender");
        }
        assertEquals(60, Loopback.assertEveryFrameWasSent(received, sent));
    }

    @Test
    void aFloodFromThousandsOfAddressesNeverBreaksTheShownSendersFrames() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        StopSignal stop = new StopSignal();
        List<DatagramSocket> strangers = new ArrayList<>();
        CountdownPacketizer packetizer = new CountdownPacketizer(8_000);
        byte[] opening = new byte[1_000];
        opening[0] = (byte) 200; // the first of 200 segments: every one opens a frame and holds state
        opening[1] = (byte) 0xFF;
        opening[2] = (byte) 0xD8;
        List<byte[]> sent = new ArrayList<>();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket sender = new DatagramSocket()) {
            InetSocketAddress target = Loopback.target(receiver);
            for (int i = 0; i < 2_000; i++) {
                strangers.add(new DatagramSocket(new InetSocketAddress(
                        InetAddress.getByAddress(new byte[] {127, 9, (byte) (1 + i / 250), (byte) (1 + i % 250)}), 0)));
            }
            int stranger = 0;
            for (int frame = 0; frame < 20; frame++) {
                byte[] jpeg = TestJpegs.stampedJpeg(640, 480, frame, frame, FrameStamp.currentTimeMicros());
                sent.add(jpeg);
                for (byte[] segment : TestJpegs.datagrams(packetizer, jpeg)) {
                    // after its first frame, 50 new addresses before each of its datagrams, more than the
                    // newcomers the receiver keeps: were the shown sender one of them, every frame would break
                    for (int i = 0; frame > 0 && i < 50; i++, stranger = (stranger + 1) % strangers.size()) {
                        strangers.get(stranger).send(new DatagramPacket(opening, opening.length, target));
                    }
                    sender.send(new DatagramPacket(segment, segment.length, target));
                }
                int expected = frame + 1;
                // one frame at a time, so the flood never outruns the receive thread: the test is about state
                Loopback.awaitTrue(() -> receiver.stats().accepted() == expected, 10_000, "frame " + frame + ", "
                        + receiver.summary());
            }
            assertTrue(receiver.stats().sendersForgotten() > 1_000, receiver.summary());
        } finally {
            strangers.forEach(DatagramSocket::close);
        }
        List<byte[]> recorded = MjpegReader.readFrames(received);
        assertEquals(sent.size(), recorded.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), recorded.get(i), "frame " + i);
        }
    }

    private static void streamAndExpectAll(Receiver receiver, Path sent, int frames) throws Exception {
        long before = receiver.stats().accepted();
        SenderConfig config = SenderConfig.to(Loopback.target(receiver))
                .source("test")
                .fps(60.0)
                .frameLimit(frames)
                .record(sent)
                .build();
        try (Sender sender = Sender.open(config, Loopback.quiet(), () -> { })) {
            sender.run(new StopSignal());
        }
        Loopback.awaitTrue(() -> receiver.stats().accepted() == before + frames, 10_000, frames + " frames");
    }

    /** Sends a frame as the sender would: its countdown datagrams, in order. */
    private static void send(DatagramSocket socket, InetSocketAddress target, byte[] frame) throws Exception {
        for (byte[] datagram : TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES), frame)) {
            socket.send(new DatagramPacket(datagram, datagram.length, target));
        }
    }
}
