package udpvideo.sender;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import udpvideo.cli.StopSignal;
import udpvideo.codec.JpegEncoder;
import udpvideo.wire.FrameStamper;
import udpvideo.wire.MalformedJpegException;

/**
 * One encoding thread's loop: take the next frame from {@link FrameCapture}, resize, encode and stamp it, then,
 * in its turn, hand it to {@link FrameOutput}. With {@code --encoders N}, N of these encode frames side by side
 * on as many cores while the frames still leave in order.
 *
 * <p>Owns its encoder, scaler and capture image, so nothing it works on is shared. A failure ends capture for
 * every worker and is kept for {@link Sender#run} to rethrow.
 */
final class EncodeWorker implements Runnable {
    private final FrameCapture capture;
    private final SendTurn turn;
    private final FrameOutput output;
    private final StopSignal stop;
    private final SenderStats stats;
    private final AtomicReference<Exception> failure;
    private final JpegEncoder encoder;
    private final FrameScaler scaler;
    private final FrameStamper stamper = new FrameStamper();
    /** The image the source draws this worker's frames into; reused from frame to frame. */
    private BufferedImage image;

    EncodeWorker(SenderConfig config, FrameCapture capture, SendTurn turn, FrameOutput output, StopSignal stop,
            SenderStats stats, AtomicReference<Exception> failure) {
        this.capture = capture;
        this.turn = turn;
        this.output = output;
        this.stop = stop;
        this.stats = stats;
        this.failure = failure;
        this.encoder = new JpegEncoder(config.quality());
        this.scaler = new FrameScaler(config.width());
    }

    @Override
    public void run() {
        try {
            FrameCapture.Captured frame;
            while ((frame = capture.next(image, stop)) != null) {
                image = frame.image();
                encodeAndSend(frame);
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            capture.end("failed: " + e.getMessage());
        } finally {
            encoder.close();
        }
    }

    private void encodeAndSend(FrameCapture.Captured frame) throws IOException {
        byte[] stamped = null;
        BufferedImage scaled = null;
        try {
            scaled = scaler.scale(frame.image());
            long start = System.nanoTime();
            byte[] jpeg = encoder.encode(scaled);
            stats.encodeTimes.record((System.nanoTime() - start) / 1000);
            stamped = stamper.stamp(jpeg, jpeg.length, frame.number(), frame.captureMicros());
        } catch (MalformedJpegException e) {
            throw new IOException("the JPEG encoder wrote an unreadable frame " + frame.number(), e);
        } finally {
            // even a frame that failed takes its turn, or every frame after it would wait forever
            turn.await(frame.number());
            try {
                if (stamped != null) {
                    output.send(stamped, stamped.length, frame.number(), scaled);
                }
            } finally {
                turn.finish(frame.number());
            }
        }
    }
}
