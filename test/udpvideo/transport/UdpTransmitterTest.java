package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.packet.CountdownPacketizer;

/** The UDP transmitter over loopback: a frame larger than a receive buffer leaves spread over its interval. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpTransmitterTest {
    private static final double FRAMES_PER_SECOND = 30;
    private static final long INTERVAL_NANOS = (long) (1e9 / FRAMES_PER_SECOND);

    /** Sends one frame of {@code bytes} and returns the nanoseconds from its first datagram's arrival to its last. */
    private static long spanOfOneFrame(int bytes) throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(null)) {
            receiver.setReceiveBufferSize(UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES);
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver.setSoTimeout(5_000);
            CountdownPacketizer packetizer = new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES);
            int packets = packetizer.packetCount(bytes);
            long[] arrivals = new long[packets];
            Thread reading = new Thread(() -> {
                DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
                for (int i = 0; i < packets; i++) {
                    try {
                        receiver.receive(packet);
                    } catch (Exception e) {
                        return; // a lost datagram: the count below says so
                    }
                    arrivals[i] = System.nanoTime();
                }
            }, "test-udp-receive");
            reading.start();
            try (UdpTransmitter transmitter = new UdpTransmitter((InetSocketAddress) receiver.getLocalSocketAddress(),
                    packetizer, 0, FRAMES_PER_SECOND)) {
                assertEquals(packets, transmitter.send(new byte[bytes], bytes));
            }
            reading.join(10_000);
            assertTrue(arrivals[packets - 1] != 0, "every datagram of the frame arrived");
            return arrivals[packets - 1] - arrivals[0];
        }
    }

    @Test
    void aFrameLargerThanAReceiveBufferIsSpreadOverItsInterval() throws Exception {
        int rawFullHd = 1920 * 1080 * 3; // 6.2 MB: three bursts of at most 2 MiB
        int bursts = (rawFullHd + UdpTransmitter.BURST_BYTES - 1) / UdpTransmitter.BURST_BYTES;
        long span = spanOfOneFrame(rawFullHd);
        // the last burst is due (bursts - 1) / bursts into the interval; a little slack for the clock's grain
        assertTrue(span >= INTERVAL_NANOS * (bursts - 1) / bursts - 2_000_000, "the frame's datagrams arrived within "
                + span / 1e6 + " ms, not spread over the " + INTERVAL_NANOS / 1e6 + " ms interval");
    }
}
