package udpvideo.receiver;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.packet.PacketFormats;
import udpvideo.sink.FrameSink;
import udpvideo.sink.RecordingSink;
import udpvideo.transport.Addresses;
import udpvideo.transport.FrameReceiver;
import udpvideo.transport.Transport;
import udpvideo.transport.Transports;
import udpvideo.viewer.FrameView;

/**
 * A running receiver: owns the transport, the sinks and its threads. The receive thread takes frames from the
 * transport (for UDP, a depacketizer per sender) and judges them; the verify thread decodes unstamped frames to
 * vouch for them; the sink thread records; the display thread decodes the newest accepted frame, a strip on each
 * core when its codec can (its decoder's helpers, {@code udpvideo-decode-2} onward), and hands it to the view. {@link #close()} stops them all and closes what it owns.
 *
 * <pre>
 * transport -> [udpvideo-receive] -> FrameJudge --stamped, CRC ok----> FrameAcceptor
 *              --unstamped--> [udpvideo-verify] --decodes cleanly--> FrameAcceptor
 * FrameAcceptor -> [udpvideo-sinks] (recording)
 *               -> mailbox (newest wins) -> [udpvideo-display] -> decoder of the frame's codec -> view
 * </pre>
 */
public final class Receiver implements AutoCloseable {
    private static final long JOIN_MS = 2_000;
    /** Threads decoding one shown frame, a strip each: more than this only contend. */
    private static final int MAX_DECODER_THREADS = 4;

    private final FrameReceiver transport;
    private final SinkThread sinks;
    private final FrameView view;
    private final ReceiverStats stats;
    private final DecodeVerifier verifier;
    private final Thread receiveThread;
    private final DisplayLoop displayLoop;
    private final Thread displayThread;
    private final StatusLine summary;
    private final FrameAcceptor acceptor;
    /** Where accepted frames are recorded; null for nowhere. */
    private final Path recording;

    private Receiver(ReceiverConfig config, FrameView view, StopSignal stop, PrintStream log)
            throws UsageException, IOException {
        this.view = view;
        this.stats = new ReceiverStats(config.onlyFrom());
        this.transport = bind(config, log);
        List<FrameSink> sinkList = new ArrayList<>();
        try {
            if (config.record() != null) {
                sinkList.add(new RecordingSink(config.record()));
            }
        } catch (IOException e) {
            transport.close();
            throw new UsageException("cannot write the recording " + config.record() + ": " + e.getMessage(), e);
        }
        sinks = new SinkThread(sinkList, log);
        summary = new StatusLine(stats);
        FrameMailbox mailbox = new FrameMailbox();
        acceptor = new FrameAcceptor(stats, mailbox, sinks, config.frameLimit(), stop);
        recording = config.record();
        verifier = new DecodeVerifier(acceptor, stats);
        FrameJudge judge = new FrameJudge(acceptor, verifier, stats);
        receiveThread = new Thread(() -> transport.run(judge, stats), "udpvideo-receive");
        FramePresenter presenter = new FramePresenter(view, stats, acceptor, log, transport::firstPacketNanos,
                config.overlay());
        int decoderThreads = Math.min(MAX_DECODER_THREADS, Runtime.getRuntime().availableProcessors());
        displayLoop = new DisplayLoop(mailbox, presenter, stats, decoderThreads);
        displayThread = new Thread(displayLoop, "udpvideo-display");
    }

    /**
     * Binds the socket and starts the threads.
     *
     * @param view     where frames go; closed by this receiver
     * @param stop     pulled when {@code --frames} is reached
     * @param log      where to say that frames arrive in bursts the receive buffer cannot hold, and when the
     *                 first frame was shown
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
        receiver.sinks.start();
        receiver.verifier.start();
        receiver.displayThread.start();
        receiver.receiveThread.start();
        return receiver;
    }

    private static FrameReceiver bind(ReceiverConfig config, PrintStream log) throws UsageException,
            IOException {
        // what was asked is what is bound: an IPv4 address, 0.0.0.0 included, listens on IPv4 only
        InetSocketAddress address = new InetSocketAddress(
                config.bind() == null ? LocalAddresses.everyInterface() : config.bind(), config.port());
        String where = config.bind() == null
                ? "port " + config.port() + " (every interface)" : Addresses.format(address);
        try {
            return Transports.named(config.transport()).openReceiver(new Transport.Receiving(address,
                    config.receiveBuffer(), config.onlyFrom(), log, PacketFormats.named(config.protocol()),
                    config.connect()));
        } catch (BindException e) {
            if (!LocalAddresses.isThisMachines(address.getAddress())) { // EADDRNOTAVAIL, not EADDRINUSE
                throw new UsageException("cannot listen on " + where + ": " + e.getMessage() + " ("
                        + LocalAddresses.written(address.getAddress()) + " is not an address of this machine, whose"
                        + " addresses are " + LocalAddresses.list() + "; without --bind it listens on all)", e);
            }
            throw new UsageException("cannot listen on " + where + ": " + e.getMessage()
                    + " (is another receiver running? choose another --port)", e);
        } catch (SocketException e) {
            throw new UsageException("cannot listen on " + where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e); // a setting the transport cannot honour
        }
    }

    /** The address and port the socket is bound to (the real port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    /** The counters, live. */
    public ReceiverStats stats() {
        return stats;
    }

    /** The one-line summary of the run so far; with a recording, the command that plays it at its rate. */
    public String summary() {
        String line = summary.summary(System.nanoTime());
        long notKept = sinks.framesNotKept();
        if (notKept > 0) {
            line += "; " + notKept + " frames not recorded (the disk fell behind)";
        }
        String play = recording == null ? null
                : PlaybackHint.command(recording, acceptor.recordedCodec(), stats.acceptedPerSecond());
        return play == null ? line : line + "; play the recording at its rate with: " + play;
    }

    /** Stops the threads, then closes the transport, the sinks and the view. */
    @Override
    public void close() throws IOException {
        transport.close(); // the only way to wake a thread blocked in receive()
        displayLoop.stop();
        displayThread.interrupt();
        try {
            receiveThread.join(JOIN_MS);
            verifier.close();
            displayThread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            view.close();
            sinks.close();
        }
    }
}
