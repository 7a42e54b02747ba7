package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.codec.jpeg.HostileJpegs;
import udpvideo.codec.jpeg.JpegCommentStamper;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.stamp.FrameStamp;

/**
 * Whatever a huge frame does to the receiver (decodes into hundreds of megabytes, or is refused because its
 * images would not fit in the heap), the valid stream that follows it is shown again: a real receiver on loopback,
 * painting offscreen. Which of the two happens depends on the test JVM's heap; {@link DisplayLoopTest} covers a
 * decode that runs out of memory.
 */
@Timeout(90)
class HugeFrameTest {
    private static final int STREAM_FRAMES = 30;

    @TempDir
    Path dir;

    @Test
    void showsTheStreamAfterAStampedHugeFrame() throws Exception {
        byte[] huge = HostileJpegs.flatBaseline(8192, 8192);
        byte[] stamped = new JpegCommentStamper().stamp(huge, huge.length, 0, FrameStamp.currentTimeMicros());
        hugeFrameThenStream(stamped, true);
    }

    @Test
    void showsTheStreamAfterAnUnstampedHugeFrame() throws Exception {
        hugeFrameThenStream(HostileJpegs.flatBaseline(8192, 8192), false);
    }

    /**
     * Sends {@code huge}, waits until the receiver has dealt with it (shown, rejected, or accepted and
     * found too large to decode), then streams small
     * frames from the same socket, stamped or not, and expects them on the screen.
     */
    private void hugeFrameThenStream(byte[] huge, boolean stamped) throws Exception {
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(dir.resolve("received.mjpeg"), stop);
                DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress target = Loopback.target(receiver);
            send(socket, target, huge);
            Loopback.awaitTrue(() -> receiver.stats().shown() + receiver.stats().rejected()
                    + receiver.stats().undecodable() == 1, 30_000, "the huge frame shown, rejected or undecodable");
            if (receiver.stats().shown() == 0) { // a heap too small for its images: refused, and says so
                assertTrue(receiver.stats().lastRejection().contains("JAVA_OPTS=-Xmx"),
                        receiver.stats().lastRejection());
            }
            long shownBefore = receiver.stats().shown();
            for (int i = 0; i < STREAM_FRAMES; i++) {
                send(socket, target, stamped ? TestJpegs.stampedJpeg(320, 240, i, i + 1, FrameStamp.currentTimeMicros())
                        : TestJpegs.jpeg(320, 240, i));
                long wanted = shownBefore + i + 1;
                // one frame at a time, each waited for, so that none is skipped for a newer one
                Loopback.awaitTrue(() -> receiver.stats().shown() >= wanted, 10_000, "stream frame " + i
                        + " shown (last rejection: " + receiver.stats().lastRejection() + ")");
            }
            assertEquals(shownBefore + STREAM_FRAMES, receiver.stats().shown());
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress target, byte[] frame) throws Exception {
        CountdownPacketizer packetizer = new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES);
        for (byte[] datagram : TestJpegs.datagrams(packetizer, frame)) {
            socket.send(new DatagramPacket(datagram, datagram.length, target));
        }
    }
}
