package udpvideo.transport;

import java.io.IOException;
import java.io.PrintStream;
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
 * <p>Frames go to a {@link DatagramTarget}: the address given, or the one a viewer's hello came from
 * ({@link LearnedTarget}, {@code --listen}), which may move between frames. The socket is unconnected, so an ICMP
 * "port unreachable" from a host with no receiver is never reported back as an error. Owned and closed by the
 * sender; one sending thread at a time sends, in frame order.
 */
final class UdpTransmitter implements FrameTransmitter {
    /** Frames above this leave in bursts spread over their interval. */
    static final int SPREAD_ABOVE_BYTES = UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES;
    /** The most bytes of a spread frame sent back to back: half a default receive buffer. */
    static final int BURST_BYTES = UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES / 2;
    /** The interval a spread frame is given when frames come as fast as they can. */
    private static final long UNPACED_INTERVAL_NANOS = 1_000_000_000L / 30;

    private final DatagramSocket socket;
    private final DatagramTarget target;
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
        this(new DatagramSocket(), new FixedTarget(target), packetizer, lossProbability, framesPerSecond);
    }

    /**
     * A transmitter from {@code socket} to a viewer that says hello on it: the socket is bound where viewers
     * reach it, and frames leave from it, so they come from where the hello went.
     *
     * @param socket a bound socket, which the transmitter now owns and closes
     * @param log    where the target says that it waits, and whom it streams to
     */
    static UdpTransmitter learningTarget(DatagramSocket socket, Packetizer packetizer, double lossProbability,
            double framesPerSecond, PrintStream log) {
        return new UdpTransmitter(socket, LearnedTarget.listen(socket, log), packetizer, lossProbability,
                framesPerSecond);
    }

    private UdpTransmitter(DatagramSocket socket, DatagramTarget target, Packetizer packetizer,
            double lossProbability, double framesPerSecond) {
        this.socket = socket;
        this.target = target;
        this.packetizer = packetizer;
        this.lossProbability = lossProbability;
        this.frameIntervalNanos = framesPerSecond > 0 ? Math.round(1e9 / framesPerSecond) : UNPACED_INTERVAL_NANOS;
        this.datagram = new byte[packetizer.maxPacketBytes()];
        this.packet = new DatagramPacket(datagram, datagram.length);
    }

    @Override
    public boolean awaitDestination(long timeoutNanos) throws InterruptedException {
        return target.awaitTarget(timeoutNanos);
    }

    @Override
    public int send(byte[] frame, int frameLength) throws FrameTooLargeException {
        int packets = packetizer.packetCount(frameLength);
        InetSocketAddress to = target.current(); // once a frame: a frame's datagrams all go to one viewer
        if (to == null) {
            throw new IllegalStateException("nobody to send to yet: awaitDestination() must return true first");
        }
        packet.setSocketAddress(to);
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
        return target.description();
    }

    /** Closes the socket, which ends a learning target's thread, then waits for that thread. */
    @Override
    public void close() {
        socket.close();
        target.close();
    }
}
