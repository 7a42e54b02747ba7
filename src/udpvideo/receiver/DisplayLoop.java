package udpvideo.receiver;

import java.awt.image.BufferedImage;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;

/**
 * The display thread's work: take the newest accepted frame, decode it with the decoder its codec names, offer it
 * to the {@link FramePresenter}.
 *
 * <p>It decodes only what is shown, at most {@link FramePresenter#MAX_SHOWN_PER_SECOND} frames a second, each on
 * every core at once when its codec can (JPEG, a strip each): newer frames replace older ones in the mailbox
 * meanwhile (counted as skipped), so decoding never falls behind the stream.
 *
 * <p>Runs on a thread the {@link Receiver} starts, until {@link Receiver#close()} calls {@link #stop()} and
 * interrupts it.
 */
final class DisplayLoop implements Runnable {
    private static final long POLL_MS = 50;

    private final FrameMailbox mailbox;
    private final FramePresenter presenter;
    private final ReceiverStats stats;
    /** Threads this loop's decoders use for one frame. */
    private final int decoderThreads;
    /**
     * Set by {@link #stop()}. The interrupt alone is not enough: drawing text (the overlay's frame rate) clears the
     * thread's interrupt status on JDK 17, and a stop that arrives while a frame is painted would be lost.
     */
    private volatile boolean isStopped;

    DisplayLoop(FrameMailbox mailbox, FramePresenter presenter, ReceiverStats stats, int decoderThreads) {
        this.mailbox = mailbox;
        this.presenter = presenter;
        this.stats = stats;
        this.decoderThreads = decoderThreads;
    }

    @Override
    public void run() {
        FrameMailbox.Slot frame = null;
        try (CodecDecoders decoders = new CodecDecoders(decoderThreads, Codecs.defaultCodec())) {
            while (!isStopped && !Thread.currentThread().isInterrupted()) {
                frame = mailbox.take(frame, POLL_MS);
                BufferedImage image = frame == null ? null : decode(decoders, frame);
                long now = System.nanoTime();
                if (image != null) {
                    presenter.show(image, frame.stamp, now);
                }
                presenter.tick(now);
                if (frame != null) {
                    Thread.sleep(presenter.nanosUntilNextShow(System.nanoTime()) / 1_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    /** Ends the loop within one {@link #POLL_MS} wait, or at once with the interrupt that follows. Any thread. */
    void stop() {
        isStopped = true;
    }

    /** The frame's image: decoded by the verifier already, or now; null when it does not decode. */
    private BufferedImage decode(CodecDecoders decoders, FrameMailbox.Slot frame) {
        if (frame.decoded != null) {
            return frame.decoded;
        }
        BufferedImage destination = presenter.acquire(frame.width, frame.height);
        long start = System.nanoTime();
        try {
            BufferedImage image = decoders.forCodec(frame.codec).decode(frame.bytes, frame.length, destination);
            stats.decodedIn((System.nanoTime() - start) / 1000);
            if (image != destination) {
                presenter.unused(destination);
            }
            return image;
        } catch (DecodeException e) {
            presenter.unused(destination);
            // its CRC matched, so the sender encoded a frame our decoder cannot read: say so, keep going
            stats.reject("verified frame does not decode: " + e.getMessage());
            return null;
        }
    }
}
