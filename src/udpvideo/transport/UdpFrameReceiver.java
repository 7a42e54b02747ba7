package udpvideo.transport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.function.Supplier;
import udpvideo.packet.Depacketizer;

/**
 * The receiving end of the UDP transport: reads datagrams off one socket, feeds each to its sender's
 * depacketizer, and hands every frame that completes to a {@link FrameHandler}. Does nothing slow, so the socket's
 * buffer never overflows while a frame decodes elsewhere.
 *
 * <p>{@link #run} is the receive thread's loop, owned by whoever starts that thread; {@link #close()} closes the
 * socket, which is the only thing that wakes {@link DatagramSocket#receive} on JDK 17, and ends the loop. Opened
 * by {@link UdpTransport}.
 */
final class UdpFrameReceiver implements FrameReceiver {
    /** Big enough for any UDP datagram over IPv4 (65,507 bytes of payload): nothing is ever truncated. */
    static final int DATAGRAM_BUFFER_BYTES = 65_536;

    private final DatagramSocket socket;
    /** Accept datagrams from this address only; null accepts all. */
    private final InetAddress onlyFrom;
    private final SenderTable senders;
    /** Says once if a frame's burst does not fit the receive buffer. */
    private final ReceiveBufferCheck bufferCheck;
    /** When the first datagram arrived, or 0; written once by the receive thread. */
    private volatile long firstDatagramNanos;

    private UdpFrameReceiver(DatagramSocket socket, InetAddress onlyFrom, Supplier<Depacketizer> depacketizers,
            ReceiveBufferCheck bufferCheck) {
        this.socket = socket;
        this.bufferCheck = bufferCheck;
        this.onlyFrom = onlyFrom;
        this.senders = new SenderTable(depacketizers);
    }

    /**
     * Binds a socket to {@code address} with a receive buffer of {@code receiveBufferBytes} asked for: an IPv4
     * address, the wildcard {@code 0.0.0.0} included, binds an IPv4 socket, which IPv6 datagrams never reach.
     *
     * @param onlyFrom      admit datagrams from this address only; null for any
     * @param depacketizers makes one depacketizer for each new sender address
     * @param log           where to warn if frames arrive in bursts larger than the buffer the system granted
     * @throws BindException when the address is in use or not this machine's
     * @throws IOException when no socket can be made there
     */
    static UdpFrameReceiver bind(InetSocketAddress address, int receiveBufferBytes, InetAddress onlyFrom,
            Supplier<Depacketizer> depacketizers, PrintStream log) throws IOException {
        DatagramSocket socket = address.getAddress() instanceof Inet4Address
                ? DatagramChannel.open(StandardProtocolFamily.INET).socket() : new DatagramSocket(null);
        try {
            // before bind, so the buffer is in place when the first burst arrives
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.bind(address);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        ReceiveBufferCheck check = new ReceiveBufferCheck(socket.getReceiveBufferSize(), receiveBufferBytes, log);
        return new UdpFrameReceiver(socket, onlyFrom, depacketizers, check);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void run(FrameHandler handler, ReceiveCounts counts) {
        byte[] buffer = new byte[DATAGRAM_BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            packet.setLength(buffer.length); // receive() shrinks it to the last datagram's size
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return; // closed by close(): the normal way out
                }
                counts.countGarbage(); // UDP: one failed receive must not stop the receiver
                continue;
            }
            counts.countDatagram();
            if (firstDatagramNanos == 0) {
                firstDatagramNanos = System.nanoTime();
            }
            bufferCheck.datagram(packet.getLength());
            handle((InetSocketAddress) packet.getSocketAddress(), buffer, packet.getLength(), handler, counts);
        }
    }

    /** Feeds one datagram to its sender's depacketizer, and a completed frame to the handler. */
    void handle(InetSocketAddress from, byte[] data, int length, FrameHandler handler, ReceiveCounts counts) {
        if (onlyFrom != null && !onlyFrom.equals(from.getAddress())) {
            counts.countNotAdmitted();
            return;
        }
        Depacketizer depacketizer = senders.depacketizerFor(from);
        long incompleteBefore = depacketizer.incompleteFrames();
        Depacketizer.Step step = depacketizer.accept(data, 0, length);
        counts.countIncomplete(depacketizer.incompleteFrames() - incompleteBefore);
        if (step == Depacketizer.Step.GARBAGE) {
            counts.countGarbage();
        } else if (step == Depacketizer.Step.COMPLETE) {
            bufferCheck.frame(depacketizer.completedLength());
            handler.frame(from, depacketizer.completedBuffer(), depacketizer.completedLength(),
                    depacketizer.completedPackets());
        }
    }

    @Override
    public long firstPacketNanos() {
        return firstDatagramNanos;
    }

    @Override
    public void close() {
        socket.close();
    }
}
