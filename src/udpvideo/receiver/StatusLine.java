package udpvideo.receiver;

import java.net.InetSocketAddress;
import java.util.Locale;
import udpvideo.transport.Addresses;

/**
 * Words for the receiver's numbers: the once-a-second status line (window title, or stderr when headless)
 * and the summary at exit. Called from one thread at a time.
 */
final class StatusLine {
    private final ReceiverStats stats;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastShown;
    private long lastAccepted;
    private long lastLost;

    StatusLine(ReceiverStats stats) {
        this.stats = stats;
    }

    /** The status for the interval since the previous call: sender, fps, loss, latency, counts. */
    String next(long nowNanos, InetSocketAddress sender) {
        double seconds = Math.max(1e-9, (nowNanos - lastNanos) / 1e9);
        long shown = stats.shown();
        long accepted = stats.accepted();
        long lost = stats.incomplete() + stats.rejected();
        double shownPerSecond = (shown - lastShown) / seconds;
        long acceptedNow = accepted - lastAccepted;
        long lostNow = lost - lastLost;
        double lossPercent = acceptedNow + lostNow == 0 ? 0 : 100.0 * lostNow / (acceptedNow + lostNow);
        lastNanos = nowNanos;
        lastShown = shown;
        lastAccepted = accepted;
        lastLost = lost;

        StringBuilder line = new StringBuilder("udpvideo ");
        line.append(sender == null ? "waiting for a sender" : "from " + Addresses.format(sender));
        line.append(String.format(Locale.ROOT, " | %.1f fps | loss %.1f%%", shownPerSecond, lossPercent));
        double[] latency = stats.recentLatency.millis(0.5);
        stats.recentLatency.clear();
        if (latency != null) {
            line.append(String.format(Locale.ROOT, " | latency %.1f ms (if the clocks agree)", latency[0]));
        }
        String reason = stats.lastRejection();
        if (reason != null && lostNow > 0) {
            line.append(" | last rejected: ").append(reason);
        }
        return line.toString();
    }

    /** The one-line summary printed at exit. */
    String summary(long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "received %d frames accepted, %d shown, %d skipped, %d incomplete, %d rejected, %d unverified,"
                        + " %d datagrams from other senders, %d garbage datagrams in %.1f s; %.1f fps accepted",
                stats.accepted(), stats.shown(), stats.skipped(), stats.incomplete(), stats.rejected(),
                stats.unverified(), stats.otherSenderDatagrams(), stats.garbage(), seconds,
                stats.acceptedPerSecond()));
        double[] latency = stats.latencyMillis(0.50, 0.95);
        line.append(latency == null ? ", latency unknown (no stamped frames)"
                : String.format(Locale.ROOT, ", latency median %.1f ms p95 %.1f ms (if the clocks agree)",
                        latency[0], latency[1]));
        return line.toString();
    }
}
