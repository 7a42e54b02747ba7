package udpvideo.transport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Says {@code Hello} to a server that streams to whoever speaks to it (PyShine's, or our sender's
 * {@code --listen}), from the receiver's own socket, so the frames come back to that socket: every second until
 * the first frame arrives, then every 5 s. PyShine's server reads only the first hello, so the others are
 * harmless; they let a server that started later find us, and keep a NAT mapping open, which forgets a quiet UDP
 * flow after about 30 s.
 *
 * <p>Its thread is {@code udpvideo-hello}. The receiving transport owns it: {@link #start()} when its receive loop
 * begins, {@link #heard()} from the receive thread, {@link #close()} after closing the socket.
 */
final class HelloSender implements AutoCloseable {
    /** What the viewer says: PyShine's client sends {@code b'Hello'}; the server reads only where it came from. */
    static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);
    /** How often to say hello while no frame has come back. */
    static final long UNTIL_FIRST_FRAME_MS = 1_000;
    /** How often to say hello once frames come. */
    static final long AFTER_FIRST_FRAME_MS = 5_000;
    private static final long JOIN_MS = 2_000;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final long untilFirstFrameMs;
    private final long afterFirstFrameMs;
    private final PrintStream log;
    private final Thread thread;
    /** Whether a frame came back; written by the receive thread. */
    private volatile boolean isHeard;

    /** Says hello to {@code server} from {@code socket}, which the caller owns, at the usual intervals. */
    HelloSender(DatagramSocket socket, InetSocketAddress server, PrintStream log) {
        this(socket, server, UNTIL_FIRST_FRAME_MS, AFTER_FIRST_FRAME_MS, log);
    }

    /** The same at other intervals, so a test need not wait seconds. */
    HelloSender(DatagramSocket socket, InetSocketAddress server, long untilFirstFrameMs, long afterFirstFrameMs,
            PrintStream log) {
        this.socket = socket;
        this.server = server;
        this.untilFirstFrameMs = untilFirstFrameMs;
        this.afterFirstFrameMs = afterFirstFrameMs;
        this.log = log;
        this.thread = new Thread(this::sayHello, "udpvideo-hello");
        thread.setDaemon(true); // close() ends it; it must never keep the program alive
    }

    void start() {
        log.println("saying hello to " + Addresses.format(server) + " every " + interval(untilFirstFrameMs)
                + " until frames come, then every " + interval(afterFirstFrameMs));
        thread.start();
    }

    /** {@code 1 s}, or {@code 100 ms} for what is not whole seconds. */
    private static String interval(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** A frame came back from the server: from now on hello is said at the slower pace. Receive thread. */
    void heard() {
        isHeard = true;
    }

    /** The thread's loop: hello, a wait, hello, until closed. */
    private void sayHello() {
        DatagramPacket hello = new DatagramPacket(HELLO, HELLO.length, server);
        boolean isFailureSaid = false;
        while (!socket.isClosed()) {
            try {
                socket.send(hello);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return; // closed by the receiver: the normal way out
                }
                if (!isFailureSaid) { // the route may come back: keep trying, but say it once
                    isFailureSaid = true;
                    log.println("warning: cannot say hello to " + Addresses.format(server) + ": " + e.getMessage()
                            + "; trying again");
                }
            }
            try {
                Thread.sleep(isHeard ? afterFirstFrameMs : untilFirstFrameMs); // a period, not a hand-over
            } catch (InterruptedException e) {
                return; // close() asked us to stop
            }
        }
    }

    /** Stops saying hello and waits for the thread. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
