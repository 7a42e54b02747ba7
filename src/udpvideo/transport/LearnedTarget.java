package udpvideo.transport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The address a listening socket learns from whoever spoke to it last: PyShine's handshake, in which a viewer
 * sends the server any datagram ({@code b'Hello'}) and the server streams to the address it came from. A datagram
 * from a new address moves the stream there; the same viewer saying hello again (our receiver repeats it every
 * 5 s, to keep a NAT mapping open) changes nothing. What the datagram says is not read.
 *
 * <p>Its thread, {@code udpvideo-listen}, reads the socket it is given and writes down where each datagram came
 * from; the sending thread reads {@link #current()}. The socket is the transmitter's, which sends frames from it
 * (so a viewer behind NAT gets them from the address it said hello to) and closes it: that ends the thread, and
 * {@link #close()} then waits for it.
 */
final class LearnedTarget implements DatagramTarget {
    /** What is kept of a hello: its contents do not matter, and a longer datagram is simply cut short. */
    private static final int HELLO_BUFFER_BYTES = 512;
    private static final long JOIN_MS = 2_000;

    private final DatagramSocket socket;
    private final PrintStream log;
    private final Thread thread;
    /** Where the last datagram came from; null until the first; guarded by this. */
    private InetSocketAddress current;
    /** Whether the waiting line was printed; guarded by this. */
    private boolean isWaitingSaid;

    private LearnedTarget(DatagramSocket socket, PrintStream log) {
        this.socket = socket;
        this.log = log;
        this.thread = new Thread(this::listen, "udpvideo-listen");
        thread.setDaemon(true); // the socket's closing ends it; it must never keep the program alive
    }

    /**
     * Starts learning from the datagrams that arrive on {@code socket}, a bound socket the caller keeps and
     * closes.
     *
     * @param log where it says that it waits, and whom it streams to
     */
    static LearnedTarget listen(DatagramSocket socket, PrintStream log) {
        LearnedTarget target = new LearnedTarget(socket, log);
        target.thread.start();
        return target;
    }

    @Override
    public synchronized InetSocketAddress current() {
        return current;
    }

    /** Waits for the first hello; says once that it is waiting, when nobody has said hello yet. */
    @Override
    public boolean awaitTarget(long timeoutNanos) throws InterruptedException {
        boolean isFirstWait;
        synchronized (this) {
            isFirstWait = current == null && !isWaitingSaid;
            isWaitingSaid = true;
        }
        if (isFirstWait) { // printed outside the lock: a slow console must not hold up the listening thread
            log.println("waiting for a viewer to say hello on " + listeningOn() + "; nothing is sent until one does");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            long left;
            while (current == null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return current != null;
        }
    }

    @Override
    public String description() {
        return "whoever says hello on " + listeningOn();
    }

    /** The address and port it listens on (the real port when 0 was asked for). */
    String listeningOn() {
        return Addresses.format((InetSocketAddress) socket.getLocalSocketAddress());
    }

    /** The thread's loop: every datagram that arrives names the address to stream to, until the socket closes. */
    private void listen() {
        DatagramPacket packet = new DatagramPacket(new byte[HELLO_BUFFER_BYTES], HELLO_BUFFER_BYTES);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return; // closed by the transmitter: the normal way out
                }
                continue; // UDP: one failed read must not stop the listening
            }
            heard((InetSocketAddress) packet.getSocketAddress());
        }
    }

    /**
     * Moves the stream to {@code from} if it is new, saying so first, so the line is out before the first frame to
     * it (and outside the lock the sending thread takes). Only this thread changes {@link #current}.
     */
    private void heard(InetSocketAddress from) {
        InetSocketAddress before;
        synchronized (this) {
            before = current;
        }
        if (from.equals(before)) {
            return; // the viewer we stream to, saying hello again
        }
        log.println(before == null ? "streaming to " + Addresses.format(from) + ", which said hello"
                : Addresses.format(from) + " said hello: streaming to it instead of " + Addresses.format(before));
        synchronized (this) {
            current = from;
            notifyAll();
        }
    }

    /** Waits for the thread, which the socket's closing ends; call after closing the socket. */
    @Override
    public void close() {
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
