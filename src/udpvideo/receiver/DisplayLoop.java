package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
    /** Decode every frame taken, showing at most 60 a second of them; otherwise decode only what is shown. */
    private final boolean decodeEveryFrame;
    private final StatusLine statusLine;
    /** Where the first frame's arrival is announced. */
    private final PrintStream log;
    /** Decode destinations, reused once the view is done with them. */
    private final ImageRecycler images = new ImageRecycler();
    /** When the most recent frames were shown, for the overlay's frame rate. */
    private final ShowRate showRate = new ShowRate();

    DisplayLoop(FrameMailbox mailbox, FrameView view, ReceiverStats stats, FrameAcceptor acceptor,
            boolean decodeEveryFrame, PrintStream log) {
        this.mailbox = mailbox;
        this.log = log;
        this.decodeEveryFrame = decodeEveryFrame;
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
        FrameMailbox.Slot frame = null;
        try (JpegDecoder decoder = new JpegDecoder()) {
            decoder.warmUp();
            while (!Thread.currentThread().isInterrupted()) {
                frame = mailbox.take(frame, POLL_MS);
                long now = System.nanoTime();
                BufferedImage image = frame == null ? null : decode(decoder, frame);
                boolean isDue = now - lastShown >= MIN_SHOW_INTERVAL_NANOS;
                if (image != null && (isDue || !decodeEveryFrame)) {
                    show(image, frame.stamp);
                    lastShown = now;
                    isNoSignalShown = false;
                } else {
                    if (image != null && image != frame.decoded) {
                        images.unused(image); // decoded only to be counted, as the tutorial would
                    }
                    if (!isNoSignalShown && now - lastShown > NO_SIGNAL_NANOS) {
                        view.showNoSignal();
                        isNoSignalShown = true;
                    }
                }
                if (now >= nextReport) {
                    report(now);
                    nextReport = Math.max(nextReport + REPORT_INTERVAL_NANOS, now);
                }
                if (frame != null && !decodeEveryFrame) {
                    Thread.sleep(Math.max(0, (lastShown + MIN_SHOW_INTERVAL_NANOS - System.nanoTime()) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    /** The frame's image: decoded by the verifier already, or now; null when it does not decode. */
    private BufferedImage decode(JpegDecoder decoder, FrameMailbox.Slot frame) {
        if (frame.decoded != null) {
            return frame.decoded;
        }
        BufferedImage destination = images.acquire(frame.width, frame.height);
        long start = System.nanoTime();
        try {
            BufferedImage image = decoder.decode(frame.jpeg, frame.length, destination);
            stats.decodedIn((System.nanoTime() - start) / 1000);
            if (image != destination) {
                images.unused(destination);
            }
            return image;
        } catch (DecodeException e) {
            images.unused(destination);
            // its CRC matched, so the sender encoded a frame our decoder cannot read: say so, keep going
            stats.reject("verified frame does not decode: " + e.getMessage());
            return null;
        }
    }

    private void show(BufferedImage image, FrameStamp stamp) {
        double fps = showRate.shownAt(System.nanoTime());
        Runnable release = images.show(image);
        view.show(image, String.format(Locale.ROOT, "FPS: %.1f", fps), () -> {
            release.run();
            if (stamp != null) {
                stats.painted(FrameStamp.currentTimeMicros() - stamp.captureTimeMicros());
            }
        });
        if (stats.shown.incrementAndGet() == 1) {
            // how long a user waits for a picture, JVM start included
            double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            log.printf(Locale.ROOT, "first frame shown %.2f s after start%n", seconds);
        }
    }

    private void report(long now) {
        InetSocketAddress sender = acceptor.shownSender();
        view.setStatus(statusLine.next(now, sender));
    }
}
