package udpvideo.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
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
    private final Supplier<Depacketizer> depacketizers;

    private UdpFrameReceiver(DatagramSocket socket, InetAddress onlyFrom, Supplier<Depacketizer> depacketizers) {
        this.socket = socket;
        this.onlyFrom = onlyFrom;
        this.depacketizers = depacketizers;
    }

    /**
     * Binds a socket to {@code address} with a receive buffer of {@code receiveBufferBytes} asked for.
     *
     * @param onlyFrom      admit datagrams from this address only; null for any
     * @param depacketizers makes one depacketizer for each new sender address
     * @throws BindException when the address is in use or not this machine's
     * @throws SocketException when no socket can be made there
     */
    static UdpFrameReceiver bind(InetSocketAddress address, int receiveBufferBytes, InetAddress onlyFrom,
            Supplier<Depacketizer> depacketizers) throws SocketException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            // before bind, so the buffer is in place when the first burst arrives
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.bind(address);
        } catch (SocketException e) {
            socket.close();
            throw e;
        }
        return new UdpFrameReceiver(socket, onlyFrom, depacketizers);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The receive buffer the system granted, in bytes: it may cap what was asked for. */
    int receiveBufferBytes() throws SocketException {
        return socket.getReceiveBufferSize();
    }

    @Override
    public void run(FrameHandler handler, ReceiveCounts counts) {
        SenderTable senders = new SenderTable(depacketizers, counts);
        byte[] buffer = new byte[DATAGRAM_BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (!socket.isClosed()) {
                packet.setLength(buffer.length); // receive() shrinks it to the last datagram's size
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    if (socket.isClosed()) {
                        return; // closed by close(): the normal way out
                    }
                    counts.countReceiveError(); // UDP: one failed receive must not stop the receiver
                    continue;
                }
                counts.countDatagram();
                handle((InetSocketAddress) packet.getSocketAddress(), buffer, packet.getLength(), senders, handler,
                        counts);
            }
        } finally {
            senders.abandonAll(); // the frames still in progress will never complete: counted as incomplete
        }
    }

    /** Feeds one datagram to its sender's depacketizer, and a completed frame to the handler. */
    void handle(InetSocketAddress from, byte[] data, int length, SenderTable senders, FrameHandler handler,
            ReceiveCounts counts) {
        if (onlyFrom != null && !onlyFrom.equals(from.getAddress())) {
            counts.countNotAdmitted(from);
            return;
        }
        Depacketizer depacketizer = senders.depacketizerFor(from);
        long incompleteBefore = depacketizer.incompleteFrames();
        long droppedBefore = depacketizer.droppedPackets();
        long retainedBefore = depacketizer.retainedBytes();
        Depacketizer.Step step = depacketizer.accept(data, 0, length);
        if (depacketizer.droppedPackets() != droppedBefore || depacketizer.incompleteFrames() != incompleteBefore) {
            counts.countIncomplete(from, depacketizer.incompleteFrames() - incompleteBefore,
                    depacketizer.droppedPackets() - droppedBefore);
        }
        if (step == Depacketizer.Step.GARBAGE) {
            counts.countGarbage();
        } else if (step == Depacketizer.Step.COMPLETE && handler.frame(from, depacketizer.completedBuffer(),
                depacketizer.completedLength(), depacketizer.completedPackets())) {
            senders.listenedTo(from);
        }
        if (depacketizer.retainedBytes() > retainedBefore) {
            senders.grew(from);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
