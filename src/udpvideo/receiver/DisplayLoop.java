package udpvideo.receiver;

import java.awt.image.BufferedImage;
import udpvideo.codec.DecodeException;
import udpvideo.codec.jpeg.fast.StripDecoder;

/**
 * A display thread's work: take the newest accepted frame, decode it, offer it to the {@link FramePresenter}.
 *
 * <p>As users run it, one display thread decodes only what is shown, at most
 * {@link FramePresenter#MAX_SHOWN_PER_SECOND} frames a second, each on every core at once (a strip each): newer
 * frames replace older ones in the mailbox meanwhile (counted as skipped), so decoding never falls behind the
 * stream. Decoding every frame instead (the tutorial's way, for the benchmark), one display thread per core
 * decodes whole frames side by side, and the presenter still shows at most 60 a second of them, never an older
 * one after a newer.
 *
 * <p>Runs on a thread the {@link Receiver} starts, until interrupted by {@link Receiver#close()}.
 */
final class DisplayLoop implements Runnable {
    private static final long POLL_MS = 50;

    private final FrameMailbox mailbox;
    private final FramePresenter presenter;
    private final ReceiverStats stats;
    /** Decode every frame taken, showing at most 60 a second of them; otherwise decode only what is shown. */
    private final boolean decodeEveryFrame;
    /** Threads this loop's decoder uses for one frame. */
    private final int decoderThreads;

    DisplayLoop(FrameMailbox mailbox, FramePresenter presenter, ReceiverStats stats, boolean decodeEveryFrame,
            int decoderThreads) {
        this.mailbox = mailbox;
        this.presenter = presenter;
        this.stats = stats;
        this.decodeEveryFrame = decodeEveryFrame;
        this.decoderThreads = decoderThreads;
    }

    @Override
    public void run() {
        FrameMailbox.Slot frame = null;
        try (StripDecoder decoder = new StripDecoder(decoderThreads)) {
            decoder.warmUp();
            while (!Thread.currentThread().isInterrupted()) {
                frame = mailbox.take(frame, POLL_MS);
                BufferedImage image = frame == null ? null : decode(decoder, frame);
                long now = System.nanoTime();
                if (image != null && !presenter.offer(image, frame.stamp, frame.sequence, now, decodeEveryFrame)
                        && image != frame.decoded) {
                    presenter.unused(image); // decoded only to be counted, as the tutorial would
                }
                presenter.tick(now);
                if (frame != null && !decodeEveryFrame) {
                    Thread.sleep(presenter.nanosUntilNextShow(System.nanoTime()) / 1_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    /** The frame's image: decoded by the verifier already, or now; null when it does not decode. */
    private BufferedImage decode(StripDecoder decoder, FrameMailbox.Slot frame) {
        if (frame.decoded != null) {
            return frame.decoded;
        }
        BufferedImage destination = presenter.acquire(frame.width, frame.height);
        long start = System.nanoTime();
        try {
            BufferedImage image = decoder.decode(frame.jpeg, frame.length, destination);
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
