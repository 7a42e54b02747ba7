package udpvideo.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.packet.Packetizer;

/**
 * Sends a frame as its packetizer's datagrams, optionally dropping some on purpose ({@code --simulate-loss}) so a
 * class can see what loss does. A failed send (no route, buffer full) is counted and the rest of the stream goes
 * on: UDP promises nothing, and a receiver that is not there yet must not stop the sender.
 *
 * <p>A frame larger than a receiver's default buffer ({@link UdpTransport#DEFAULT_RECEIVE_BUFFER_BYTES}, a raw
 * 1080p frame) would overflow it if its datagrams left back to back while the receiver is busy: such a frame leaves
 * in bursts of at most half that buffer, spread evenly over its frame interval (1/30 s when unpaced), so the
 * receiver drains each burst before the next arrives.
 *
 * <p>The socket is unconnected, so an ICMP "port unreachable" from a host with no receiver is never reported
 * back as an error. Owned and closed by the sender; one sending thread at a time sends, in frame order.
 */
final class UdpTransmitter implements FrameTransmitter {
    /** Frames above this leave in bursts spread over their interval. */
    static final int SPREAD_ABOVE_BYTES = UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES;
    /** The most bytes of a spread frame sent back to back: half a default receive buffer. */
    static final int BURST_BYTES = UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES / 2;
    /** The interval a spread frame is given when frames come as fast as they can. */
    private static final long UNPACED_INTERVAL_NANOS = 1_000_000_000L / 30;

    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Packetizer packetizer;
    private final double lossProbability;
    /** How long a frame has, from the sender's rate; what a spread frame is spread over. */
    private final long frameIntervalNanos;
    private final Random random = new Random();
    /** One datagram's bytes, reused for every datagram. */
    private final byte[] datagram;
    private final DatagramPacket packet;
    private long datagramsDropped;
    private long sendErrors;
    private String lastSendError;

    /**
     * A transmitter to {@code target} from a new socket on any free port.
     *
     * @param lossProbability drop each datagram with this probability before it leaves; 0 for none
     * @param framesPerSecond the sender's rate, 0 when unpaced: a frame too large for one burst is spread over
     *                        its interval
     * @throws IOException when no UDP socket can be opened
     */
    UdpTransmitter(InetSocketAddress target, Packetizer packetizer, double lossProbability, double framesPerSecond)
            throws IOException {
        this.socket = new DatagramSocket();
        this.target = target;
        this.packetizer = packetizer;
        this.lossProbability = lossProbability;
        this.frameIntervalNanos = framesPerSecond > 0 ? Math.round(1e9 / framesPerSecond) : UNPACED_INTERVAL_NANOS;
        this.datagram = new byte[packetizer.maxPacketBytes()];
        this.packet = new DatagramPacket(datagram, datagram.length, target);
    }

    @Override
    public int send(byte[] frame, int frameLength) throws FrameTooLargeException {
        int packets = packetizer.packetCount(frameLength);
        int bursts = frameLength > SPREAD_ABOVE_BYTES ? (frameLength + BURST_BYTES - 1) / BURST_BYTES : 1;
        int packetsPerBurst = (packets + bursts - 1) / bursts;
        long start = System.nanoTime();
        for (int i = 0; i < packets; i++) {
            if (i > 0 && i % packetsPerBurst == 0) {
                // burst k of a spread frame leaves k / bursts of the way into the frame's interval
                awaitNanoTime(start + frameIntervalNanos * (i / packetsPerBurst) / bursts);
            }
            int length = packetizer.writePacket(frame, frameLength, i, datagram);
            if (lossProbability > 0 && random.nextDouble() < lossProbability) {
                datagramsDropped++;
                continue;
            }
            packet.setData(datagram, 0, length);
            try {
                socket.send(packet);
            } catch (IOException e) {
                sendErrors++; // transient: the next datagram may well go through
                lastSendError = e.getMessage();
            }
        }
        return packets;
    }

    /**
     * Waits until {@link System#nanoTime} reaches {@code due}: a few milliseconds at most. An interrupt (a stop)
     * ends the wait, and the rest of the frame leaves at once; the interrupt status is kept.
     */
    private static void awaitNanoTime(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public TransmitCounts counts() {
        return new TransmitCounts(datagramsDropped, sendErrors, lastSendError, 0);
    }

    @Override
    public String destination() {
        return Addresses.format(target);
    }

    @Override
    public void close() {
        socket.close();
    }
}
