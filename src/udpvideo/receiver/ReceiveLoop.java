package udpvideo.receiver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import udpvideo.packet.CountdownDepacketizer;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;

/**
 * The receive thread's work: take each datagram off the socket, feed it to its sender's assembler, and judge
 * every frame that completes. Does nothing slow, so the socket's buffer never overflows while a frame decodes.
 *
 * <p>Runs on the thread the {@link Receiver} starts; ends when the Receiver closes the socket, which is the only
 * thing that wakes {@link DatagramSocket#receive} on JDK 17.
 */
final class ReceiveLoop implements Runnable {
    /** Big enough for any UDP datagram over IPv4 (65,507 bytes of payload): nothing is ever truncated. */
    static final int DATAGRAM_BUFFER_BYTES = 65_536;

    private final DatagramSocket socket;
    /** Accept datagrams from this address only; null accepts all. */
    private final InetAddress onlyFrom;
    private final SenderTable senders = new SenderTable();
    private final FrameInspector inspector = new FrameInspector();
    private final FrameAcceptor acceptor;
    private final DecodeVerifier verifier;
    private final ReceiverStats stats;

    ReceiveLoop(DatagramSocket socket, InetAddress onlyFrom, FrameAcceptor acceptor, DecodeVerifier verifier,
            ReceiverStats stats) {
        this.socket = socket;
        this.onlyFrom = onlyFrom;
        this.acceptor = acceptor;
        this.verifier = verifier;
        this.stats = stats;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[DATAGRAM_BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            packet.setLength(buffer.length); // receive() shrinks it to the last datagram's size
            try {
                socket.receive(packet);
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return; // closed by the Receiver: the normal way out
                }
                stats.garbage.incrementAndGet(); // UDP: one failed receive must not stop the receiver
                continue;
            } catch (IOException e) {
                stats.garbage.incrementAndGet();
                continue;
            }
            stats.datagrams.incrementAndGet();
            handle((InetSocketAddress) packet.getSocketAddress(), buffer, packet.getLength());
        }
    }

    /** Feeds one datagram to its sender's assembler, and a completed frame to the checks. */
    void handle(InetSocketAddress from, byte[] data, int length) {
        if (onlyFrom != null && !onlyFrom.equals(from.getAddress())) {
            stats.otherSenderDatagrams.incrementAndGet();
            return;
        }
        CountdownDepacketizer assembler = senders.assemblerFor(from);
        long incompleteBefore = assembler.incompleteFrames();
        CountdownDepacketizer.Step step = assembler.accept(data, 0, length);
        stats.incomplete.addAndGet(assembler.incompleteFrames() - incompleteBefore);
        if (step == CountdownDepacketizer.Step.GARBAGE) {
            stats.garbage.incrementAndGet();
        } else if (step == CountdownDepacketizer.Step.COMPLETE) {
            judge(from, assembler);
        }
    }

    /** Checks the frame in the assembler's buffer where it lies: the acceptor copies what it keeps. */
    private void judge(InetSocketAddress from, CountdownDepacketizer assembler) {
        byte[] jpeg = assembler.completedBuffer();
        int length = assembler.completedLength();
        Verdict verdict = inspector.inspect(jpeg, length);
        if (verdict.kind() == Verdict.Kind.REJECTED) {
            stats.reject(verdict.reason());
            return;
        }
        ReceivedFrame frame = new ReceivedFrame(from, jpeg, length, verdict.stamp(), null,
                assembler.completedPackets(), verdict.width(), verdict.height());
        if (verdict.kind() == Verdict.Kind.VERIFIED) {
            acceptor.accept(frame);
        } else {
            verifier.submit(frame.copy()); // decoded later, on another thread: it needs its own bytes
        }
    }
}
