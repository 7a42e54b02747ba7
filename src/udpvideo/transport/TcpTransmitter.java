package udpvideo.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.packet.LengthPrefix;

/**
 * The sender's end of {@link TcpTransport}. {@link #send} leaves a copy of the frame in a one-frame slot and
 * returns at once; the writer thread, {@code udpvideo-tcp-send}, connects, writes each frame with its length in
 * front, and reconnects with backoff when the receiver goes away (saying so once per outage). When the connection
 * is slower than the source, a newer frame replaces the one still waiting (counted as replaced), so latency never
 * builds up in socket buffers.
 *
 * <p>Owned by the sender, which closes it: {@link #close()} gives the last frame up to {@link #DRAIN_MS} to leave,
 * then closes the socket and ends the thread.
 */
final class TcpTransmitter implements FrameTransmitter {
    /** How long to wait for the receiver to accept a connection. */
    static final int CONNECT_TIMEOUT_MS = 1_000;
    /** The first wait after a failed connection, doubled each time up to {@link #MAX_BACKOFF_MS}. */
    static final long FIRST_BACKOFF_MS = 50;
    /** The longest wait between tries: a receiver started again gets frames within about this long. */
    static final long MAX_BACKOFF_MS = 500;
    /** How long {@link #close()} lets a waiting frame leave. */
    static final long DRAIN_MS = 2_000;

    private final InetSocketAddress target;
    private final PrintStream log;
    private final Thread writer;
    /** The frame waiting to be written, or null; guarded by this. */
    private byte[] waiting;
    /** Whether the writer is writing a frame now; guarded by this. */
    private boolean isWriting;
    private boolean isClosed;
    private long replaced;
    private long sendErrors;
    private String lastSendError;
    /** The connection, or null; touched by the writer thread, and closed by close() to wake it. */
    private volatile Socket socket;

    TcpTransmitter(InetSocketAddress target, PrintStream log) {
        this.target = target;
        this.log = log;
        this.writer = new Thread(this::writeFrames, "udpvideo-tcp-send");
        writer.setDaemon(true); // close() ends it; it must never keep the program alive
        writer.start();
    }

    @Override
    public synchronized int send(byte[] frame, int length) throws FrameTooLargeException {
        LengthPrefix.check(length); // a frame no receiver would take is refused here, not there
        if (waiting != null) {
            replaced++; // the connection is behind: the newest frame wins
        }
        byte[] prefixed = new byte[LengthPrefix.HEADER_BYTES + length]; // kept past the call: a copy
        LengthPrefix.write(length, prefixed);
        System.arraycopy(frame, 0, prefixed, LengthPrefix.HEADER_BYTES, length);
        waiting = prefixed;
        notifyAll();
        return 1;
    }

    @Override
    public synchronized TransmitCounts counts() {
        return new TransmitCounts(0, sendErrors, lastSendError, replaced);
    }

    @Override
    public String destination() {
        return Addresses.format(target) + " over TCP";
    }

    /** The writer thread: connect when needed, then write each frame that is left waiting. */
    private void writeFrames() {
        OutputStream out = null;
        boolean isOutageSaid = false;
        long backoffMs = FIRST_BACKOFF_MS;
        byte[] frame = null;
        while (true) {
            if (frame == null && (frame = nextFrame()) == null) {
                break; // closed, nothing left to write
            }
            try {
                if (out == null) {
                    out = connect();
                    if (isOutageSaid) {
                        log.println("tcp: connected to " + Addresses.format(target) + " again");
                    }
                    isOutageSaid = false;
                    backoffMs = FIRST_BACKOFF_MS;
                }
                out.write(frame);
                out.flush();
                frame = null;
                written();
            } catch (IOException e) {
                out = null;
                closeSocket();
                if (isClosedNow()) {
                    break;
                }
                countError(e);
                if (!isOutageSaid) {
                    log.println("tcp: no connection to " + Addresses.format(target) + " (" + e.getMessage()
                            + "); trying again until it is back");
                    isOutageSaid = true;
                }
                if (!pause(backoffMs)) {
                    break;
                }
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                frame = newerOr(frame); // a frame that waited through the outage may have been replaced
            }
        }
        closeSocket();
    }

    private OutputStream connect() throws IOException {
        Socket connection = new Socket();
        socket = connection;
        connection.setTcpNoDelay(true); // a frame's last segment must not wait for an acknowledgement
        connection.connect(target, CONNECT_TIMEOUT_MS);
        return new BufferedOutputStream(connection.getOutputStream(), 1 << 16);
    }

    /** Waits for a frame to write; null once closed with nothing waiting. */
    private synchronized byte[] nextFrame() {
        isWriting = false;
        notifyAll();
        while (waiting == null && !isClosed) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null; // close() gave up waiting for the last frame
            }
        }
        byte[] frame = waiting;
        waiting = null;
        isWriting = frame != null;
        return frame;
    }

    private synchronized void written() {
        isWriting = false;
        notifyAll();
    }

    /** A frame put while the writer was failing replaces the one it was trying to write. */
    private synchronized byte[] newerOr(byte[] frame) {
        if (waiting == null) {
            return frame;
        }
        replaced++;
        byte[] newer = waiting;
        waiting = null;
        return newer;
    }

    private synchronized void countError(IOException e) {
        sendErrors++;
        lastSendError = e.getMessage();
    }

    private synchronized boolean isClosedNow() {
        return isClosed;
    }

    /** Sleeps {@code ms} unless closed meanwhile; false when closed. */
    private synchronized boolean pause(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!isClosed) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return true;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    private void closeSocket() {
        Socket connection = socket;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing is all that is left to do with it
            }
        }
    }

    /** Lets the waiting frame leave (at most {@link #DRAIN_MS}), then closes the socket and ends the writer. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN_MS * 1_000_000;
        synchronized (this) {
            while ((waiting != null || isWriting) && writer.isAlive()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            isClosed = true;
            notifyAll();
        }
        closeSocket(); // wakes a writer blocked in connect or write
        try {
            writer.join(DRAIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
