package udpvideo.receiver;

import java.awt.image.BufferedImage;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameLimits;

/**
 * The display thread's work: take the newest accepted frame, decode it with the decoder its codec names, offer it
 * to the {@link FramePresenter}.
 *
 * <p>It decodes only what is shown, at most {@link FramePresenter#MAX_SHOWN_PER_SECOND} frames a second, each on
 * every core at once when its codec can (JPEG, a strip each): newer frames replace older ones in the mailbox
 * meanwhile (counted as skipped), so decoding never falls behind the stream.
 *
 * <p>Runs on a thread the {@link Receiver} starts, until {@link Receiver#close()} calls {@link #stop()} and
 * interrupts it. Nothing a frame does ends it: a frame that cannot be decoded, or not in the memory there is, is
 * counted as one that did not decode.
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
                if (frame != null) {
                    decodeAndShow(decoders, frame);
                }
                presenter.tick(System.nanoTime());
                if (frame != null) {
                    Thread.sleep(presenter.nanosUntilNextShow(System.nanoTime()) / 1_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    /**
     * Decodes the frame and shows it. A frame too large for the heap is counted as one that did not decode: the
     * memory it asked for was never handed out, and the next frame is shown as if it had not come.
     */
    private void decodeAndShow(CodecDecoders decoders, FrameMailbox.Slot frame) {
        try {
            BufferedImage image = decode(decoders, frame);
            if (image != null) {
                presenter.show(image, frame.stamp, System.nanoTime());
            }
        } catch (OutOfMemoryError e) {
            frame.decoded = null; // let the collector have whatever was decoded of it
            stats.countUndecodable(FrameLimits.outOfMemory(frame.width, frame.height,
                    Runtime.getRuntime().maxMemory()));
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
            stats.countUndecodable("verified frame does not decode: " + e.getMessage());
            return null;
        }
    }
}
