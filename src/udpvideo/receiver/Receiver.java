package udpvideo.receiver;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.mjpeg.MjpegWriter;
import udpvideo.viewer.FrameView;

/**
 * A running receiver: owns the socket, the recording and its threads. The receive thread reassembles and checks
 * frames; the verify thread decodes unstamped frames to vouch for them; the display thread decodes the newest
 * accepted frame, a strip on each core (its decoder's helpers, {@code udpvideo-decode-2} onward), and hands it to
 * the view. {@link #close()} stops them all and closes what it owns.
 *
 * <pre>
 * socket -> [udpvideo-receive] --stamped, CRC ok--> FrameAcceptor -> mailbox -> [udpvideo-display] -> view
 *                              --unstamped--> [udpvideo-verify] --decodes cleanly--^       (FramePresenter)
 * </pre>
 */
public final class Receiver implements AutoCloseable {
    private static final long JOIN_MS = 2_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Threads decoding one shown frame, a strip each: more than this only contend. */
    private static final int MAX_DECODER_THREADS = 4;

    private final DatagramSocket socket;
    private final MjpegWriter recorder;
    private final FrameView view;
    private final ReceiverStats stats = new ReceiverStats();
    private final DecodeVerifier verifier;
    private final Thread receiveThread;
    /** One, or one per core when decoding every frame. */
    private final Thread[] displayThreads;
    private final StatusLine summary = new StatusLine(stats);

    private Receiver(ReceiverConfig config, FrameView view, StopSignal stop, PrintStream log)
            throws UsageException, IOException {
        this.view = view;
        this.socket = bind(config, log);
        try {
            this.recorder = config.record() == null ? null : new MjpegWriter(config.record());
        } catch (IOException e) {
            socket.close();
            throw new UsageException("cannot write the recording " + config.record() + ": " + e.getMessage(), e);
        }
        FrameMailbox mailbox = new FrameMailbox(config.decodeEveryFrame() ? FrameMailbox.DECODE_ALL_CAPACITY : 1);
        FrameAcceptor acceptor = new FrameAcceptor(stats, mailbox, recorder, config.frameLimit(), stop);
        verifier = new DecodeVerifier(acceptor, stats);
        receiveThread = new Thread(new ReceiveLoop(socket, config.onlyFrom(), acceptor, verifier, stats),
                "udpvideo-receive");
        FramePresenter presenter = new FramePresenter(view, stats, acceptor, log);
        // one loop decodes each shown frame on every core; decoding every frame, a loop per core decodes whole ones
        int loops = config.decodeEveryFrame() ? CORES : 1;
        int decoderThreads = config.decodeEveryFrame() ? 1 : Math.min(MAX_DECODER_THREADS, CORES);
        displayThreads = new Thread[loops];
        for (int i = 0; i < loops; i++) {
            displayThreads[i] = new Thread(new DisplayLoop(mailbox, presenter, stats, config.decodeEveryFrame(),
                    decoderThreads), i == 0 ? "udpvideo-display" : "udpvideo-display-" + (i + 1));
        }
    }

    /**
     * Binds the socket and starts the threads.
     *
     * @param view     where frames go; closed by this receiver
     * @param stop     pulled when {@code --frames} is reached
     * @param log      where to say that the system capped the receive buffer, and when the first frame was shown
     * @throws UsageException when the port is in use or the recording cannot be written
     */
    public static Receiver start(ReceiverConfig config, FrameView view, StopSignal stop, PrintStream log)
            throws UsageException, IOException {
        Receiver receiver;
        try {
            receiver = new Receiver(config, view, stop, log);
        } catch (UsageException | IOException | RuntimeException e) {
            view.close(); // ours to close, even though we never ran
            throw e;
        }
        receiver.verifier.start();
        for (Thread display : receiver.displayThreads) {
            display.start();
        }
        receiver.receiveThread.start();
        return receiver;
    }

    private static DatagramSocket bind(ReceiverConfig config, PrintStream log) throws UsageException,
            IOException {
        InetSocketAddress address = config.bind() == null
                ? new InetSocketAddress(config.port()) : new InetSocketAddress(config.bind(), config.port());
        String where = config.bind() == null
                ? "port " + config.port() + " (every interface)" : StatusLine.address(address);
        DatagramSocket socket = new DatagramSocket(null);
        try {
            // before bind, so the buffer is in place when the first burst arrives
            socket.setReceiveBufferSize(config.receiveBuffer());
            socket.bind(address);
        } catch (BindException e) {
            socket.close();
            throw new UsageException("cannot listen on " + where + ": " + e.getMessage()
                    + " (is another receiver running? choose another --port)", e);
        } catch (SocketException e) {
            socket.close();
            throw new UsageException("cannot listen on " + where + ": " + e.getMessage(), e);
        }
        int granted = socket.getReceiveBufferSize();
        if (granted < config.receiveBuffer()) {
            log.printf("warning: the receive buffer is %,d bytes, not the %,d asked for: the system caps it;"
                    + " frames at 720p and above may lose datagrams. Raise the cap with"
                    + " 'sudo sysctl -w net.core.rmem_max=%d'%n", granted, config.receiveBuffer(),
                    config.receiveBuffer());
        }
        return socket;
    }

    /** The address and port the socket is bound to (the real port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The counters, live. */
    public ReceiverStats stats() {
        return stats;
    }

    /** The one-line summary of the run so far. */
    public String summary() {
        return summary.summary(System.nanoTime());
    }

    /** Stops the threads, then closes the socket, the recording and the view. */
    @Override
    public void close() throws IOException {
        socket.close(); // the only way to wake a thread blocked in receive()
        for (Thread display : displayThreads) {
            display.interrupt();
        }
        try {
            receiveThread.join(JOIN_MS);
            verifier.close();
            for (Thread display : displayThreads) {
                display.join(JOIN_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            view.close();
            if (recorder != null) {
                recorder.close();
            }
        }
    }
}
