package udpvideo.sender;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.codec.jpeg.fast.StripEncoder;
import udpvideo.mjpeg.MjpegWriter;
import udpvideo.source.FrameSource;
import udpvideo.source.SourceException;
import udpvideo.source.Sources;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.codec.jpeg.JpegCommentStamper;
import udpvideo.codec.jpeg.MalformedJpegException;
import udpvideo.packet.CountdownPacketizer;

/**
 * A frame's path out of this machine: capture, resize, encode as JPEG, stamp, cut into datagrams, send.
 *
 * <pre>
 * source -> FrameCapture -> FrameScaler -> StripEncoder -> JpegCommentStamper -> SendTurn -> FrameOutput
 *           (pace, number)   (--width)     (JPEG, in strips   (number, time, CRC)  (capture   (datagrams,
 *                                           when paced)                             order)     recording, preview)
 * </pre>
 *
 * <p>Paced, one thread runs that path and its encoder's helpers ({@code udpvideo-encode-2..N}) encode a strip of
 * each frame with it. Unpaced, N threads ({@code udpvideo-send-2..N} beside the caller's) each run the whole path
 * on frames of their own.
 *
 * <p>Owns the source (so the camera is released), the socket, the recording and the preview window;
 * {@link #close()} closes them all. {@link #run} sends on the calling thread, with the other sending and
 * encoding threads alive only while it runs, and returns at the end of the source, after {@code --frames}, or
 * when the stop signal is pulled.
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
    private final JpegCommentStamper stamper = new JpegCommentStamper();
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
            transmitter = new DatagramTransmitter(config.target(), new CountdownPacketizer(config.segmentBytes()),
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
     * large), {@code stop} is pulled or the thread is interrupted, on {@code --encoders} threads, this one
     * included. Paced, they encode each frame together, a strip each, so it leaves as soon as it can (latency).
     * Unpaced, each encodes whole frames of its own and they send in turn, in capture order: no thread waits for
     * another's strip, so more frames fit in a second (throughput).
     *
     * @throws IOException when reading the source or encoding failed
     */
    public void run(StopSignal stop) throws IOException {
        boolean paced = capture.isPaced();
        int senders = paced ? 1 : config.encoders();
        int threadsPerFrame = paced ? config.encoders() : 1;
        SendTurn turn = new SendTurn();
        try {
            SendingThreads.runAll(senders, () -> sendFrames(stop, threadsPerFrame, turn),
                    failure -> capture.end("failed: " + failure.getMessage()));
        } finally {
            stopReason = capture.endReason();
        }
    }

    /** One sending thread's loop: capture a frame, encode it on {@code encoderThreads}, send it in its turn. */
    private void sendFrames(StopSignal stop, int encoderThreads, SendTurn turn) throws IOException {
        try (StripEncoder encoder = new StripEncoder(config.quality(), encoderThreads)) {
            FrameScaler scaler = new FrameScaler(config.width());
            BufferedImage image = null; // the source draws every frame of this thread into this one image
            FrameCapture.Captured frame;
            while ((frame = capture.next(image, stop)) != null) {
                image = frame.image();
                long nextDue = capture.nextFrameDueAt();
                if (nextDue >= 0) {
                    encoder.expectNextFrameAt(nextDue); // its helpers wake for it on their own
                }
                BufferedImage scaled = scaler.scale(image);
                byte[] stamped = null;
                try {
                    stamped = encodeAndStamp(encoder, scaled, frame);
                } finally {
                    // a frame that failed still ends its turn, or the frames behind it would wait forever
                    sendInTurn(turn, frame.number(), stamped, scaled);
                }
            }
        }
    }

    private byte[] encodeAndStamp(StripEncoder encoder, BufferedImage image, FrameCapture.Captured frame)
            throws IOException {
        long start = System.nanoTime();
        byte[] jpeg = encoder.encode(image);
        stats.encodeTimes.record((System.nanoTime() - start) / 1000);
        try {
            return stamper.stamp(jpeg, jpeg.length, frame.number(), frame.captureMicros());
        } catch (MalformedJpegException e) {
            throw new IOException("the JPEG encoder wrote an unreadable frame " + frame.number(), e);
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
