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
 * <p>With a server to connect to ({@code --connect}), it says hello to that server from this socket
 * ({@link HelloSender}) and admits only the server's datagrams.
 *
 * <p>{@link #run} is the receive thread's loop, owned by whoever starts that thread; {@link #close()} closes the
 * socket, which is the only thing that wakes {@link DatagramSocket#receive} on JDK 17, and ends the loop and the
 * hello thread. Opened by {@link UdpTransport}.
 */
final class UdpFrameReceiver implements FrameReceiver {
    /** Big enough for any UDP datagram over IPv4 (65,507 bytes of payload): nothing is ever truncated. */
    static final int DATAGRAM_BUFFER_BYTES = 65_536;

    private final DatagramSocket socket;
    /** Accept datagrams from this address only; null accepts all. */
    private final InetAddress onlyFrom;
    /** The server said hello to, whose datagrams alone are admitted; null when none. */
    private final InetSocketAddress server;
    /** Says hello to {@link #server}; null when there is none. */
    private final HelloSender hello;
    private final Supplier<Depacketizer> depacketizers;
    /** Says once if a frame's burst does not fit the receive buffer. */
    private final ReceiveBufferCheck bufferCheck;
    /** When the first datagram arrived, or 0; written once by the receive thread. */
    private volatile long firstDatagramNanos;

    private UdpFrameReceiver(DatagramSocket socket, InetAddress onlyFrom, InetSocketAddress server,
            Supplier<Depacketizer> depacketizers, ReceiveBufferCheck bufferCheck, PrintStream log) {
        this.socket = socket;
        this.bufferCheck = bufferCheck;
        this.onlyFrom = onlyFrom;
        this.server = server;
        this.hello = server == null ? null : new HelloSender(socket, server, log);
        this.depacketizers = depacketizers;
    }

    /**
     * Binds a socket to {@code address} with a receive buffer of {@code receiveBufferBytes} asked for: an IPv4
     * address, the wildcard {@code 0.0.0.0} included, binds an IPv4 socket, which IPv6 datagrams never reach.
     *
     * @param onlyFrom      admit datagrams from this address only; null for any
     * @param server        say hello to this server and admit its datagrams only; null for none
     * @param depacketizers makes one depacketizer for each new sender address
     * @param log           where the hellos are announced, and a failure to send them, and where to warn if
     *                      frames arrive in bursts larger than the buffer the system granted
     * @throws BindException when the address is in use or not this machine's
     * @throws IOException when no socket can be made there
     */
    static UdpFrameReceiver bind(InetSocketAddress address, int receiveBufferBytes, InetAddress onlyFrom,
            InetSocketAddress server, Supplier<Depacketizer> depacketizers, PrintStream log) throws IOException {
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
        return new UdpFrameReceiver(socket, onlyFrom, server, depacketizers, check, log);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void run(FrameHandler handler, ReceiveCounts counts) {
        SenderTable senders = new SenderTable(depacketizers, counts);
        byte[] buffer = new byte[DATAGRAM_BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        if (hello != null) {
            hello.start(); // here, so that no hello goes out before anyone reads the answers
        }
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
                if (firstDatagramNanos == 0) {
                    firstDatagramNanos = System.nanoTime();
                }
                bufferCheck.datagram(packet.getLength());
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
        if (onlyFrom != null && !onlyFrom.equals(from.getAddress()) || server != null && !server.equals(from)) {
            counts.countNotAdmitted(from);
            return;
        }
        Depacketizer depacketizer = senders.depacketizerFor(from);
        long framesBefore = depacketizer.incompleteFrames();
        long packetsBefore = depacketizer.droppedPackets();
        long retainedBefore = depacketizer.retainedBytes();
        Depacketizer.Step step = depacketizer.accept(data, 0, length);
        SenderTable.countDrops(depacketizer, framesBefore, packetsBefore, from, counts);
        if (step == Depacketizer.Step.GARBAGE) {
            counts.countGarbage();
        } else if (step == Depacketizer.Step.REJECTED) {
            counts.reject(from, depacketizer.rejectionReason(), 1);
        } else if (step == Depacketizer.Step.COMPLETE) {
            if (hello != null) {
                hello.heard();
            }
            bufferCheck.frame(depacketizer.completedLength());
            if (handler.frame(from, depacketizer.completedBuffer(), depacketizer.completedLength(),
                    depacketizer.completedPackets())) {
                senders.listenedTo(from);
            }
        }
        if (depacketizer.retainedBytes() > retainedBefore) {
            senders.grew(from);
        }
    }

    @Override
    public long firstPacketNanos() {
        return firstDatagramNanos;
    }

    @Override
    public void close() {
        socket.close();
        if (hello != null) {
            hello.close();
        }
    }
}
