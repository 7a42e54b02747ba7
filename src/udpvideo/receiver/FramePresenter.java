package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.function.LongSupplier;
import udpvideo.viewer.FrameView;
import udpvideo.stamp.FrameStamp;

/**
 * The screen's side of the receiver: decides which decoded frames reach the view (only frames newer than the one
 * on screen, and no more than a display shows), keeps the overlay's frame rate, updates the status line once a
 * second and shows "no signal" after a second without frames. Also lends the decode destinations out.
 *
 * <p>Called by the display thread only, so it needs no lock: the view paints (offscreen) or hands over to Swing
 * (a window) without anything waiting on it. What runs once a frame is painted runs on the painting thread and
 * touches only thread-safe counters and {@link ImageRecycler}'s volatile mark.
 */
final class FramePresenter {
    /** A 60 Hz display cannot show more. */
    static final int MAX_SHOWN_PER_SECOND = 60;
    static final long MIN_SHOW_INTERVAL_NANOS = 1_000_000_000L / MAX_SHOWN_PER_SECOND;
    private static final long NO_SIGNAL_NANOS = 1_000_000_000L;
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final FrameView view;
    private final ReceiverStats stats;
    private final FrameAcceptor acceptor;
    private final StatusLine statusLine;
    /** Where the first frame's arrival is announced. */
    private final PrintStream log;
    /** When the transport's first packet arrived (System.nanoTime), 0 before: read once, for that line. */
    private final LongSupplier firstPacketNanos;
    /** Decode destinations, reused once the view is done with them. */
    private final ImageRecycler images = new ImageRecycler();
    /** When the most recent frames were shown, for the overlay's frame rate. */
    private final ShowRate showRate = new ShowRate();
    private long lastShownNanos = System.nanoTime() - NO_SIGNAL_NANOS;
    private boolean isNoSignalShown;
    private long nextReportNanos = System.nanoTime() + REPORT_INTERVAL_NANOS;
    /** Whether the shown frame rate is drawn over the picture. */
    private final boolean isOverlaid;

    FramePresenter(FrameView view, ReceiverStats stats, FrameAcceptor acceptor, PrintStream log,
            LongSupplier firstPacketNanos, boolean isOverlaid) {
        this.view = view;
        this.isOverlaid = isOverlaid;
        this.stats = stats;
        this.acceptor = acceptor;
        this.log = log;
        this.firstPacketNanos = firstPacketNanos;
        this.statusLine = new StatusLine(stats);
    }

    /** An image to decode a {@code width} x {@code height} frame into: one the view is done with, or new. */
    BufferedImage acquire(int width, int height) {
        return images.acquire(width, height);
    }

    /** Takes back an image from {@link #acquire} that will not be shown. */
    void unused(BufferedImage image) {
        images.unused(image);
    }

    /**
     * Shows {@code image}, a frame that was decoded from an accepted frame with {@code stamp} (null when
     * unstamped). The display loop paces itself by {@link #nanosUntilNextShow}, so no more than a display shows are
     * offered.
     */
    void show(BufferedImage image, FrameStamp stamp, long nowNanos) {
        double fps = showRate.shownAt(nowNanos);
        Runnable release = images.show(image);
        String overlay = isOverlaid ? String.format(Locale.ROOT, "FPS: %.1f", fps) : null;
        view.show(image, overlay, () -> {
            release.run();
            if (stamp != null) {
                stats.painted(FrameStamp.currentTimeMicros() - stamp.captureTimeMicros());
            }
        });
        lastShownNanos = nowNanos;
        isNoSignalShown = false;
        if (stats.shown.incrementAndGet() == 1) {
            log.println(firstShownLine(nowNanos));
        }
    }

    /**
     * "first frame shown 0.04 s after the first packet arrived, 4.21 s after start": how long the pipeline took,
     * apart from how long the receiver waited for a sender (JVM start included).
     */
    private String firstShownLine(long nowNanos) {
        double sinceStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        long firstPacket = firstPacketNanos.getAsLong();
        String sinceFirstPacket = firstPacket == 0 ? "" // a transport that does not tell
                : String.format(Locale.ROOT, " %.2f s after the first packet arrived,", (nowNanos - firstPacket) / 1e9);
        return String.format(Locale.ROOT, "first frame shown%s %.2f s after start", sinceFirstPacket, sinceStart);
    }

    /** Shows "no signal" after a second without frames, and updates the status line once a second. */
    void tick(long nowNanos) {
        if (!isNoSignalShown && nowNanos - lastShownNanos > NO_SIGNAL_NANOS) {
            view.showNoSignal();
            isNoSignalShown = true;
        }
        if (nowNanos >= nextReportNanos) {
            InetSocketAddress sender = acceptor.shownSender();
            view.setStatus(statusLine.next(nowNanos, sender));
            nextReportNanos = Math.max(nextReportNanos + REPORT_INTERVAL_NANOS, nowNanos);
        }
    }

    /** Nanoseconds until another frame may be shown: 0 when one may be shown now. */
    long nanosUntilNextShow(long nowNanos) {
        return Math.max(0, lastShownNanos + MIN_SHOW_INTERVAL_NANOS - nowNanos);
    }
}
