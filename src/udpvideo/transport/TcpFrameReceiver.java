package udpvideo.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.packet.LengthPrefix;

/**
 * The receiver's end of {@link TcpTransport}: serves one sender at a time, reading
 * {@code [4-byte length][frame]} off its connection, and goes back to listening when it leaves. A length over
 * {@link LengthPrefix#MAX_FRAME_BYTES}, or a connection that stalls mid-frame for {@link #STALL_MS}, is closed
 * with one line on the log: never an out-of-memory, never a hang. Another sender that connects meanwhile waits in
 * the listen queue.
 *
 * <p>{@link #run} is the receive thread's loop; {@link #close()} closes the sockets, which wakes it wherever it
 * blocks.
 */
final class TcpFrameReceiver implements FrameReceiver {
    /** How long a connection may stall in the middle of a frame before it is closed. */
    static final int STALL_MS = 5_000;

    private final ServerSocket server;
    /** Serve connections from this address only; null for any. */
    private final InetAddress onlyFrom;
    private final PrintStream log;
    /** The connection being served, or null; closed by close() to wake the receive thread. */
    private volatile Socket connection;
    /** When the first frame's length arrived, or 0; written once by the receive thread. */
    private volatile long firstFrameNanos;
    /** Where frames are read into; grows to the largest frame seen. */
    private byte[] buffer = new byte[256 * 1024];

    TcpFrameReceiver(ServerSocket server, InetAddress onlyFrom, PrintStream log) {
        this.server = server;
        this.onlyFrom = onlyFrom;
        this.log = log;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void run(FrameHandler handler, ReceiveCounts counts) {
        while (!server.isClosed()) {
            try (Socket accepted = server.accept()) {
                connection = accepted;
                InetSocketAddress sender = (InetSocketAddress) accepted.getRemoteSocketAddress();
                if (onlyFrom != null && !onlyFrom.equals(sender.getAddress())) {
                    counts.countDatagram(); // a connection refused stands for the frames it would have sent
                    counts.countNotAdmitted(sender);
                    continue; // closed at once: --from does not admit it
                }
                serve(accepted, sender, handler, counts);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return; // closed by close(): the normal way out
                }
                counts.countReceiveError(); // one failed connection must not stop the receiver
            } finally {
                connection = null;
            }
        }
    }

    /** Reads frames off one connection until the sender leaves or breaks the framing. */
    private void serve(Socket socket, InetSocketAddress sender, FrameHandler handler, ReceiveCounts counts)
            throws IOException {
        socket.setSoTimeout(STALL_MS);
        InputStream in = socket.getInputStream();
        byte[] header = new byte[LengthPrefix.HEADER_BYTES];
        while (true) {
            try {
                if (!readFully(in, header, LengthPrefix.HEADER_BYTES, true)) {
                    return; // the sender closed between frames: it is done
                }
            } catch (SocketTimeoutException e) {
                continue; // quiet between frames is allowed: a paused sender is still a sender
            }
            if (firstFrameNanos == 0) {
                firstFrameNanos = System.nanoTime();
            }
            int length;
            try {
                length = LengthPrefix.read(header);
            } catch (FrameTooLargeException e) {
                counts.countDatagram();
                counts.countGarbage();
                log.println("tcp: closed the connection from " + Addresses.format(sender) + ": it announced "
                        + e.getMessage());
                return;
            }
            if (buffer.length < length) {
                buffer = new byte[length + length / 4]; // headroom: the next frame may be larger
            }
            try {
                readFully(in, buffer, length, false);
            } catch (SocketTimeoutException | EOFException e) {
                counts.countDatagram();
                counts.countIncomplete(sender, 1, 1);
                log.println("tcp: closed the connection from " + Addresses.format(sender) + ": "
                        + (e instanceof EOFException ? "it ended" : "it stalled for " + STALL_MS / 1000 + " s")
                        + " in the middle of a frame");
                return;
            }
            counts.countDatagram();
            handler.frame(sender, buffer, length, 1);
        }
    }

    /**
     * Reads exactly {@code length} bytes into {@code into}; when {@code mayEnd} and the stream ends before the
     * first byte, returns false. A timeout after the first byte counts as a stall, whatever {@code mayEnd}.
     */
    private static boolean readFully(InputStream in, byte[] into, int length, boolean mayEnd) throws IOException {
        int done = 0;
        while (done < length) {
            int n;
            try {
                n = in.read(into, done, length - done);
            } catch (SocketTimeoutException e) {
                if (done == 0) {
                    throw e;
                }
                throw new SocketTimeoutException("stalled after " + done + " of " + length + " bytes");
            }
            if (n < 0) {
                if (done == 0 && mayEnd) {
                    return false;
                }
                throw new EOFException("ended after " + done + " of " + length + " bytes");
            }
            done += n;
        }
        return true;
    }

    @Override
    public long firstPacketNanos() {
        return firstFrameNanos;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing more can be done with it
        }
        Socket current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is what wakes the receive thread
            }
        }
    }
}
