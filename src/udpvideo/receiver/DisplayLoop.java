package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.Locale;
import udpvideo.codec.DecodeException;
import udpvideo.codec.JpegDecoder;
import udpvideo.viewer.FrameView;
import udpvideo.wire.FrameStamp;

/**
 * The display thread's work: take the newest accepted frame, decode it, hand it to the view; once a second,
 * update the status line; after a second without frames, show "no signal". Frames are shown at most
 * {@link #MAX_SHOWN_PER_SECOND} times a second, as fast as a display refreshes: newer frames replace older ones
 * in the mailbox meanwhile (counted as skipped), so decoding never falls behind the stream.
 *
 * <p>Runs on the thread the {@link Receiver} starts, until interrupted by {@link Receiver#close()}.
 */
final class DisplayLoop implements Runnable {
    /** A 60 Hz display cannot show more. */
    static final int MAX_SHOWN_PER_SECOND = 60;
    private static final long MIN_SHOW_INTERVAL_NANOS = 1_000_000_000L / MAX_SHOWN_PER_SECOND;
    private static final long NO_SIGNAL_NANOS = 1_000_000_000L;
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long POLL_MS = 50;

    private final FrameMailbox mailbox;
    private final FrameView view;
    private final ReceiverStats stats;
    private final FrameAcceptor acceptor;
    private final StatusLine statusLine;
    /** When the most recent frames were shown, for the overlay's frame rate. */
    private final ShowRate showRate = new ShowRate();

    DisplayLoop(FrameMailbox mailbox, FrameView view, ReceiverStats stats, FrameAcceptor acceptor) {
        this.mailbox = mailbox;
        this.view = view;
        this.stats = stats;
        this.acceptor = acceptor;
        this.statusLine = new StatusLine(stats);
    }

    @Override
    public void run() {
        long lastShown = System.nanoTime() - NO_SIGNAL_NANOS;
        long nextReport = System.nanoTime() + REPORT_INTERVAL_NANOS;
        boolean isNoSignalShown = false;
        try (JpegDecoder decoder = new JpegDecoder()) {
            decoder.warmUp();
            while (!Thread.currentThread().isInterrupted()) {
                ReceivedFrame frame = mailbox.take(POLL_MS);
                long now = System.nanoTime();
                if (frame != null && show(decoder, frame)) {
                    lastShown = now;
                    isNoSignalShown = false;
                } else if (!isNoSignalShown && now - lastShown > NO_SIGNAL_NANOS) {
                    view.showNoSignal();
                    isNoSignalShown = true;
                }
                if (now >= nextReport) {
                    report(now);
                    nextReport = Math.max(nextReport + REPORT_INTERVAL_NANOS, now);
                }
                if (frame != null) {
                    Thread.sleep(Math.max(0, (lastShown + MIN_SHOW_INTERVAL_NANOS - System.nanoTime()) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    private boolean show(JpegDecoder decoder, ReceivedFrame frame) {
        BufferedImage image = frame.decoded();
        if (image == null) {
            try {
                image = decoder.decode(frame.jpeg(), frame.jpeg().length);
            } catch (DecodeException e) {
                // its CRC matched, so the sender encoded a frame our decoder cannot read: say so, keep going
                stats.reject("verified frame does not decode: " + e.getMessage());
                return false;
            }
        }
        FrameStamp stamp = frame.stamp();
        double fps = showRate.shownAt(System.nanoTime());
        view.show(image, String.format(Locale.ROOT, "FPS: %.1f", fps), () -> {
            if (stamp != null) {
                stats.painted(FrameStamp.currentTimeMicros() - stamp.captureTimeMicros());
            }
        });
        stats.shown.incrementAndGet();
        return true;
    }

    private void report(long now) {
        InetSocketAddress sender = acceptor.shownSender();
        view.setStatus(statusLine.next(now, sender));
    }
}
