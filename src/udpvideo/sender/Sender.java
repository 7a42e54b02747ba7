package udpvideo.sender;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.mjpeg.MjpegWriter;
import udpvideo.source.FrameSource;
import udpvideo.source.SourceException;
import udpvideo.source.Sources;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.wire.Segmenter;

/**
 * A frame's path out of this machine: capture, resize, encode as JPEG, stamp, cut into datagrams, send.
 *
 * <pre>
 * source -> FrameCapture --frame n--> [udpvideo-encode-1..N] resize, encode, stamp --in turn--> FrameOutput
 *           (pace, number)                                                     (datagrams, recording, preview)
 * </pre>
 *
 * <p>Owns the source (so the camera is released), the socket, the recording and the preview window;
 * {@link #close()} closes them all. {@link #run} starts the encoding threads and returns when they are done: at
 * the end of the source, after {@code --frames}, or when the stop signal is pulled.
 */
public final class Sender implements AutoCloseable {
    private final SenderConfig config;
    private final FrameSource source;
    private final DatagramTransmitter transmitter;
    private final SenderStats stats = new SenderStats();
    /** Where sent frames are recorded, or null. */
    private final MjpegWriter recorder;
    /** The preview window, or null. */
    private final FrameView preview;
    private final FrameOutput output;
    private final FrameCapture capture;
    private String stopReason = "not started";

    private Sender(SenderConfig config, PrintStream log, FrameSource source, DatagramTransmitter transmitter,
            MjpegWriter recorder, FrameView preview) {
        this.config = config;
        this.source = source;
        this.transmitter = transmitter;
        this.recorder = recorder;
        this.preview = preview;
        this.output = new FrameOutput(transmitter, recorder, preview, stats, log);
        Pacer pacer = new Pacer(config.fps() != null ? config.fps() : source.naturalFramesPerSecond());
        this.capture = new FrameCapture(source, pacer, config.frameLimit());
    }

    /**
     * Opens the source, the socket and, if asked, the recording and the preview.
     *
     * @param onQuit run when the preview window is closed
     * @throws UsageException when the source cannot be opened or the recording cannot be written
     */
    public static Sender open(SenderConfig config, PrintStream log, Runnable onQuit) throws UsageException {
        FrameSource source;
        try {
            source = Sources.open(config.source(), config.size());
        } catch (SourceException e) {
            throw new UsageException(e.getMessage(), e);
        }
        DatagramTransmitter transmitter = null;
        MjpegWriter recorder = null;
        try {
            transmitter = new DatagramTransmitter(config.target(), new Segmenter(config.segmentBytes()),
                    config.lossProbability());
            recorder = config.record() == null ? null : new MjpegWriter(config.record());
            FrameView preview = config.preview() ? openPreview(log, onQuit) : null;
            return new Sender(config, log, source, transmitter, recorder, preview);
        } catch (IOException e) {
            source.close();
            if (transmitter != null) {
                transmitter.close();
            }
            String what = e instanceof SocketException ? "cannot open a UDP socket" : "cannot write " + config.record();
            throw new UsageException(what + ": " + e.getMessage(), e);
        }
    }

    private static FrameView openPreview(PrintStream log, Runnable onQuit) {
        if (GraphicsEnvironment.isHeadless()) {
            log.println("run-sender.sh: no display found, sending without --preview");
            return null;
        }
        return FrameWindow.open("udpvideo sender preview", onQuit);
    }

    /** The source being sent, for messages. */
    public String sourceDescription() {
        return source.description();
    }

    /**
     * Sends frames until the source ends, {@code --frames} frames were taken from it (sent, or skipped as too
     * large), {@code stop} is pulled or the thread is interrupted. Encodes on {@code --encoders} threads.
     *
     * @throws IOException when reading the source or encoding failed
     */
    public void run(StopSignal stop) throws IOException {
        SendTurn turn = new SendTurn();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread[] workers = new Thread[config.encoders()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(new EncodeWorker(config, capture, turn, output, stop, stats, failure),
                    "udpvideo-encode-" + (i + 1));
            workers[i].start();
        }
        awaitAll(workers);
        stopReason = capture.endReason();
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Joins every worker; an interrupt ends capture, so they finish their frame and come back. */
    private void awaitAll(Thread[] workers) {
        boolean isInterrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    isInterrupted = true;
                    capture.end("interrupted");
                    for (Thread other : workers) {
                        other.interrupt(); // wakes one waiting for the next frame's time
                    }
                }
            }
        }
        if (isInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one-line summary of the run. */
    public String summary() {
        return stats.summary(System.nanoTime(), transmitter, stopReason);
    }

    /** Frames sent so far; may be read from any thread. */
    public long framesSent() {
        return stats.frames();
    }

    /** Encode time percentiles in ms (0.5 for the median), or null before the first frame. */
    public double[] encodeMillis(double... fractions) {
        return stats.encodeTimes.millis(fractions);
    }

    /** Forgets the encode times so far, so a benchmark measures only after its warm-up. */
    public void clearSamples() {
        stats.encodeTimes.clear();
    }

    /** Releases the camera or file, and closes the socket, the recording and the preview. */
    @Override
    public void close() throws IOException {
        try {
            source.close();
            transmitter.close();
            if (preview != null) {
                preview.close();
            }
        } finally {
            if (recorder != null) {
                recorder.close();
            }
        }
    }
}
