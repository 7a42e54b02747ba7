package udpvideo.sender;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.codec.Codec;
import udpvideo.codec.Codecs;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.MalformedFrameException;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;
import udpvideo.sink.FrameSink;
import udpvideo.sink.PreviewSink;
import udpvideo.sink.RecordingSink;
import udpvideo.source.FrameSource;
import udpvideo.source.SourceException;
import udpvideo.source.Sources;
import udpvideo.stamp.Stamper;
import udpvideo.transport.FrameTransmitter;
import udpvideo.transport.Transport;
import udpvideo.transport.Transports;
import udpvideo.viewer.Display;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;

/**
 * A frame's path out of this machine: capture, resize, encode, stamp, send, and hand to the sinks.
 *
 * <pre>
 * source -> FrameCapture -> FrameScaler -> FrameEncoder -> Stamper -> SendTurn -> FrameOutput
 *           (pace, number)   (--width)     (--codec;         (number,   (capture   (transmitter, then
 *                                           JPEG in strips)   time, CRC)  order)    recording, preview)
 * </pre>
 *
 * <p>With a packet format that carries a frame in one datagram (PyShine's), frames travel without a stamp, and a
 * {@link QualityGovernor} lowers the JPEG quality whenever a frame comes out too large for it. With
 * {@code --listen}, nothing is captured until a viewer has said hello.
 *
 * <p>Paced, one thread runs that path and its encoder's helpers ({@code udpvideo-encode-2..N}) encode a strip of
 * each frame with it. Unpaced, N threads ({@code udpvideo-send-2..N} beside the caller's) each run the whole path
 * on frames of their own.
 *
 * <p>Owns the source (so the camera is released), the transmitter and the sinks; {@link #close()} closes them
 * all. {@link #run} sends on the calling thread, with the other sending and encoding threads alive only while it
 * runs, and returns at the end of the source, after {@code --frames}, or when the stop signal is pulled.
 */
public final class Sender implements AutoCloseable {
    /** How often a sender waiting for a viewer's hello looks whether it was stopped. */
    private static final long HELLO_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SenderConfig config;
    private final FrameSource source;
    private final Codec codec;
    private final FrameTransmitter transmitter;
    private final List<FrameSink> sinks;
    private final SenderStats stats = new SenderStats();
    private final FrameOutput output;
    private final FrameCapture capture;
    /** Whether frames carry a stamp: not in a format with no room for one. */
    private final boolean isStamped;
    /** Fits each frame to one datagram; null for a format that cuts frames, which leaves the quality alone. */
    private final QualityGovernor governor;

    private Sender(SenderConfig config, PrintStream log, FrameSource source, FrameTransmitter transmitter,
            List<FrameSink> sinks) {
        this.config = config;
        this.source = source;
        this.codec = Codecs.named(config.codec());
        this.transmitter = transmitter;
        this.sinks = sinks;
        this.output = new FrameOutput(transmitter, sinks, stats, log);
        Pacer pacer = new Pacer(framesPerSecond(config, source));
        this.capture = new FrameCapture(source, pacer, config.frameLimit());
        PacketFormat format = PacketFormats.named(config.protocol());
        this.isStamped = format.carriesStamp();
        this.governor = format.isFramePerDatagram() ? new QualityGovernor(config.quality(),
                format.newPacketizer(config.segmentBytes()).maxFrameBytes()) : null;
    }

    /**
     * Opens the source, the transmitter and, if asked, the preview and the recording. The recording comes last,
     * once everything else is open, since opening it empties the file: a run that cannot start leaves it alone.
     *
     * @param onQuit run when the preview window is closed
     * @throws UsageException when the source cannot be opened or the recording cannot be written, or is the source
     */
    public static Sender open(SenderConfig config, PrintStream log, Runnable onQuit) throws UsageException {
        refuseRecordingTheSource(config);
        FrameSource source;
        try {
            source = Sources.open(config.source(), config.size());
        } catch (SourceException e) {
            throw new UsageException(e.getMessage(), e);
        }
        FrameTransmitter transmitter = null;
        List<FrameSink> sinks = new ArrayList<>();
        try {
            transmitter = Transports.named(config.transport()).openTransmitter(new Transport.Sending(
                    config.listen() ? null : config.target(), config.segmentBytes(), config.lossProbability(),
                    framesPerSecond(config, source), log, PacketFormats.named(config.protocol()),
                    config.listen() ? config.target() : null));
            if (config.preview()) {
                FrameView preview = openPreview(log, onQuit);
                if (preview != null) {
                    sinks.add(new PreviewSink(preview));
                }
            }
            if (config.record() != null) {
                sinks.add(new RecordingSink(config.record()));
            }
            return new Sender(config, log, source, transmitter, sinks);
        } catch (IOException | IllegalArgumentException e) {
            source.close();
            if (transmitter != null) {
                transmitter.close();
            }
            try {
                FrameSink.closeAll(sinks);
            } catch (IOException ignored) {
                // the failure being reported is the one that matters
            }
            if (e instanceof IllegalArgumentException) {
                throw new UsageException(e.getMessage(), e); // a setting the transport cannot honour
            }
            if (e instanceof BindException) { // --listen on a port in use: the message names it
                throw new UsageException(e.getMessage() + " (is another sender listening there? choose another"
                        + " --port)", e);
            }
            String what = e instanceof SocketException ? "cannot open a " + config.transport() + " socket"
                    : "cannot write " + config.record();
            throw new UsageException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses {@code --record} naming the file being sent, through any path, link or hard link: recording
     * would empty it before its first frame is read.
     */
    private static void refuseRecordingTheSource(SenderConfig config) throws UsageException {
        Path sourceFile = Sources.fileOf(config.source());
        Path record = config.record();
        if (sourceFile == null || record == null || !Files.exists(sourceFile) || !Files.exists(record)) {
            return; // a recording that does not exist yet cannot be the source
        }
        boolean isSame;
        try {
            isSame = Files.isSameFile(sourceFile, record);
        } catch (IOException e) {
            throw new UsageException("cannot tell whether --record " + record + " is the source " + sourceFile + ": "
                    + e.getMessage(), e);
        }
        if (isSame) {
            throw new UsageException("--record " + record + " is the file being sent (--source " + sourceFile
                    + "): recording would destroy it; choose another file");
        }
    }

    /** The rate frames are taken at: {@code --fps}, or the source's own; 0 for as fast as possible. */
    private static double framesPerSecond(SenderConfig config, FrameSource source) {
        return config.fps() != null ? config.fps() : source.naturalFramesPerSecond();
    }

    private static FrameView openPreview(PrintStream log, Runnable onQuit) {
        String absence = Display.absence();
        if (absence != null) {
            log.println("run-sender.sh: " + absence + ", sending without --preview");
            return null;
        }
        return FrameWindow.open("udpvideo sender preview", onQuit);
    }

    /** Where frames go, for messages: {@code 127.0.0.1:12345}, {@code [::1]:12345}. */
    public String destination() {
        return transmitter.destination();
    }

    /** The source being sent, for messages. */
    public String sourceDescription() {
        return source.description();
    }

    /**
     * Sends frames until the source ends, {@code --frames} frames were taken from it (sent, or skipped as too
     * large), {@code stop} is pulled or the thread is interrupted, on {@code --senders} threads, this one
     * included, each encoding its frames on {@code --encoders} threads, a strip each. By default, paced, one
     * sender encodes each frame on every core, so it leaves as soon as it can (latency); unpaced, a sender per
     * core encodes whole frames of its own and they send in turn, in capture order: no thread waits for another's
     * strip, so more frames fit in a second (throughput).
     *
     * <p>With {@code --listen}, it first waits for a viewer's hello (or a stop), capturing nothing.
     *
     * @throws IOException when reading the source or encoding failed
     */
    public void run(StopSignal stop) throws IOException {
        if (!awaitDestination(stop)) {
            capture.end(stop.isStopped() ? stop.reason() : "interrupted");
            return;
        }
        stats.begin(System.nanoTime());
        boolean paced = capture.isPaced();
        // paced, what counts is how soon each frame leaves; unpaced, how many leave in a second
        int senders = config.senders() > 0 ? config.senders() : paced ? 1 : SenderConfig.DEFAULT_THREADS;
        int threadsPerFrame = config.encoders() > 0 ? config.encoders() : paced ? SenderConfig.DEFAULT_THREADS : 1;
        SendTurn turn = new SendTurn();
        SendingThreads.runAll(senders, () -> sendFrames(stop, threadsPerFrame, turn),
                failure -> capture.end("failed: " + failure.getMessage()));
    }

    /**
     * Whether frames were taken from the source and not one of them could be sent (each was too large for a
     * datagram's countdown): a run that did nothing of what it was for.
     */
    public boolean isNothingSent() {
        return capture.taken() > 0 && stats.frames() == 0;
    }

    /** Waits until the transmitter has somewhere to send; false when stopped or interrupted first. */
    private boolean awaitDestination(StopSignal stop) {
        try {
            while (!transmitter.awaitDestination(HELLO_WAIT_SLICE_NANOS)) {
                if (stop.isStopped()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One sending thread's loop: capture a frame, encode it on {@code encoderThreads}, send it in its turn. Every
     * frame taken from capture ends its turn, whatever fails on the way, or the frames behind it would wait.
     */
    private void sendFrames(StopSignal stop, int encoderThreads, SendTurn turn) throws IOException {
        try (FrameEncoder encoder = codec.newEncoder(config.quality(), encoderThreads)) {
            Stamper stamper = isStamped ? codec.stamper() : null;
            FrameScaler scaler = new FrameScaler(config.width());
            int encoderQuality = config.quality(); // the quality this thread's encoder is set to
            BufferedImage image = null; // the source draws every frame of this thread into this one image
            FrameCapture.Captured frame;
            while ((frame = capture.next(image, stop)) != null) {
                byte[] stamped = null;
                BufferedImage scaled = null;
                try {
                    image = frame.image();
                    long nextDue = capture.nextFrameDueAt();
                    if (nextDue >= 0) {
                        encoder.expectNextFrameAt(nextDue); // its helpers wake for it on their own
                    }
                    scaled = scaler.scale(image);
                    int quality = governor == null ? encoderQuality : governor.quality();
                    if (quality != encoderQuality) {
                        encoder.setQuality(quality);
                        encoderQuality = quality;
                    }
                    stamped = encodeAndStamp(encoder, stamper, scaled, frame);
                    if (governor != null) {
                        governor.encoded(quality, stamped.length);
                    }
                } finally {
                    sendInTurn(turn, frame.number(), stamped, scaled);
                }
            }
        }
    }

    private byte[] encodeAndStamp(FrameEncoder encoder, Stamper stamper, BufferedImage image,
            FrameCapture.Captured frame) throws IOException {
        long start = System.nanoTime();
        byte[] encoded = encoder.encode(image);
        stats.encodeTimes.record((System.nanoTime() - start) / 1000);
        if (stamper == null) {
            return encoded; // a format with no room for the stamp: the frame leaves as the codec wrote it
        }
        try {
            return stamper.stamp(encoded, encoded.length, frame.number(), frame.captureMicros());
        } catch (MalformedFrameException e) {
            throw new IOException("the " + codec.name() + " encoder wrote an unreadable frame " + frame.number(), e);
        }
    }

    /** Sends frame {@code number} once every frame before it was sent; null {@code stamped} only ends the turn. */
    private void sendInTurn(SendTurn turn, long number, byte[] stamped, BufferedImage image) {
        turn.await(number);
        try {
            if (stamped != null) {
                output.send(stamped, stamped.length, number, image);
            }
        } finally {
            turn.finish(number);
        }
    }

    /** The one-line summary of the run; with a format that fits frames to a datagram, how often it shrank them. */
    public String summary() {
        String line = stats.summary(System.nanoTime(), transmitter.counts(), capture.outcome(stats.frames()));
        return governor == null ? line : line + "; " + governor.shrunkFrames() + " frames sent below --quality "
                + config.quality() + " to fit one datagram (quality now " + governor.quality() + ")";
    }

    /** The sender's counters, live; they may be read from any thread. */
    public SenderStats stats() {
        return stats;
    }

    /** Releases the camera or file, and closes the transmitter and the sinks. */
    @Override
    public void close() throws IOException {
        try {
            source.close();
            transmitter.close();
        } finally {
            FrameSink.closeAll(sinks);
        }
    }
}
