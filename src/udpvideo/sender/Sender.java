package udpvideo.sender;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.codec.JpegEncoder;
import udpvideo.mjpeg.MjpegWriter;
import udpvideo.source.FrameSource;
import udpvideo.source.SourceException;
import udpvideo.source.Sources;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.wire.FrameStamp;
import udpvideo.wire.FrameStamper;
import udpvideo.wire.FrameTooLargeException;
import udpvideo.wire.MalformedJpegException;
import udpvideo.wire.Segmenter;

/**
 * A frame's path out of this machine: capture, resize, encode as JPEG, stamp, cut into datagrams, send.
 *
 * <p>Owns the source (so the camera is released), the encoder, the socket, the recording and the preview
 * window; {@link #close()} closes them all. {@link #run} sends on the calling thread until the source ends,
 * {@code --frames} is reached or the stop signal is pulled.
 */
public final class Sender implements AutoCloseable {
    private final SenderConfig config;
    private final PrintStream log;
    private final FrameSource source;
    private final JpegEncoder encoder;
    private final FrameStamper stamper = new FrameStamper();
    private final FrameScaler scaler;
    private final DatagramTransmitter transmitter;
    private final SenderStats stats = new SenderStats();
    /** Where sent frames are recorded, or null. */
    private final MjpegWriter recorder;
    /** The preview window, or null. */
    private final FrameView preview;
    private final Pacer pacer;
    private String stopReason = "not started";

    private Sender(SenderConfig config, PrintStream log, FrameSource source, DatagramTransmitter transmitter,
            MjpegWriter recorder, FrameView preview) {
        this.config = config;
        this.log = log;
        this.source = source;
        this.transmitter = transmitter;
        this.recorder = recorder;
        this.preview = preview;
        this.encoder = new JpegEncoder(config.quality());
        this.scaler = new FrameScaler(config.width());
        this.pacer = new Pacer(config.fps() != null ? config.fps() : source.naturalFramesPerSecond());
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
     * large), {@code stop} is pulled or the thread is interrupted.
     */
    public void run(StopSignal stop) throws IOException {
        long frameNumber = 0;
        while (true) {
            if (config.frameLimit() > 0 && frameNumber >= config.frameLimit()) {
                stopReason = "sent " + config.frameLimit() + " frames";
                return;
            }
            if (!pacer.awaitNextFrame(stop) || Thread.currentThread().isInterrupted()) {
                stopReason = stop.isStopped() ? stop.reason() : "interrupted";
                return;
            }
            BufferedImage image = source.next();
            if (image == null) {
                stopReason = "end of " + source.description();
                return;
            }
            long captureMicros = FrameStamp.currentTimeMicros();
            sendFrame(scaler.scale(image), frameNumber++, captureMicros);
            String line = stats.reportIfDue(System.nanoTime(), transmitter);
            if (line != null) {
                log.println(line);
            }
        }
    }

    private void sendFrame(BufferedImage image, long frameNumber, long captureMicros) throws IOException {
        byte[] jpeg = encoder.encode(image);
        byte[] stamped;
        try {
            stamped = stamper.stamp(jpeg, jpeg.length, frameNumber, captureMicros);
        } catch (MalformedJpegException e) {
            throw new IOException("the JPEG encoder wrote an unreadable frame " + frameNumber, e);
        }
        int segments;
        try {
            segments = transmitter.send(stamped);
        } catch (FrameTooLargeException e) {
            stats.frameTooLarge();
            log.println("warning: frame " + frameNumber + " skipped: " + e.getMessage()
                    + "; lower --quality or --width, or raise --segment-size");
            return;
        }
        if (recorder != null) {
            recorder.write(stamped);
        }
        if (preview != null) {
            preview.show(copyOf(image), "sending", () -> { });
        }
        stats.frameSent(stamped.length, segments);
    }

    /** The preview paints later, on Swing's thread, while the source overwrites its image: give it a copy. */
    private static BufferedImage copyOf(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** The one-line summary of the run. */
    public String summary() {
        return stats.summary(System.nanoTime(), transmitter, stopReason);
    }

    /** Frames sent so far. */
    public long framesSent() {
        return stats.frames();
    }

    /** Releases the camera or file, and closes the socket, the recording and the preview. */
    @Override
    public void close() throws IOException {
        try {
            source.close();
            transmitter.close();
            encoder.close();
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
