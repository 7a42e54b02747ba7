package udpvideo.receiver;

import java.net.InetSocketAddress;
import java.util.Locale;
import udpvideo.transport.Addresses;

/**
 * Words for the receiver's numbers: the once-a-second status line (the window's title and the terminal, or the
 * terminal alone when headless) and the summary at exit. README's "What the numbers mean" explains each. Called
 * from one thread at a time.
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

    /**
     * The status for the interval since the previous call, such as {@code udpvideo from 127.0.0.1:40000 |
     * accepted 30.0 fps, shown 30.0 fps | 0 lost (0.0%) | latency 6.1 ms (if the clocks agree)}.
     */
    String next(long nowNanos, InetSocketAddress sender) {
        double seconds = Math.max(1e-9, (nowNanos - lastNanos) / 1e9);
        long shown = stats.shown();
        long accepted = stats.accepted();
        LossLedger.Loss loss = stats.loss.loss();
        long lost = loss.lost();
        long acceptedNow = accepted - lastAccepted;
        long lostNow = lost - lastLost;
        double lostPercent = acceptedNow + lostNow == 0 ? 0 : 100.0 * lostNow / (acceptedNow + lostNow);
        StringBuilder line = new StringBuilder("udpvideo ");
        line.append(sender == null ? "waiting for a sender" : "from " + Addresses.format(sender));
        line.append(String.format(Locale.ROOT, " | accepted %.1f fps, shown %.1f fps | %s%d lost (%.1f%%)",
                acceptedNow / seconds, (shown - lastShown) / seconds, loss.isNumbered() ? "" : "at least ",
                lostNow, lostPercent));
        lastNanos = nowNanos;
        lastShown = shown;
        lastAccepted = accepted;
        lastLost = lost;
        double[] latency = stats.recentLatency.millis(0.5);
        stats.recentLatency.clear();
        if (latency != null) {
            line.append(String.format(Locale.ROOT, " | latency %.1f ms (if the clocks agree)", latency[0]));
        }
        String ignored = stats.ignored.drain(sender);
        if (ignored != null) {
            line.append(" | ").append(ignored);
        }
        String reason = stats.lastRejection();
        if (reason != null && lostNow > 0) {
            line.append(" | last rejected: ").append(reason);
        }
        return line.toString();
    }

    /**
     * The summary printed at exit: a line on the datagrams, then one on the frames, which starts
     * {@code received N frames accepted, }.
     */
    String summary(long nowNanos) {
        return datagrams() + System.lineSeparator() + frames(nowNanos);
    }

    private String frames(long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        LossLedger.Loss loss = stats.loss.loss();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "received %d frames accepted, %d shown, %d skipped, %d incomplete, %d rejected%s, %d unverified"
                        + " in %.1f s; %.1f fps accepted",
                stats.accepted(), stats.shown(), stats.skipped(), stats.incomplete(), stats.rejected(),
                stats.stampMissing() == 0 ? "" : " (" + stats.stampMissing() + " stamp missing)",
                stats.unverified(), seconds, stats.acceptedPerSecond()));
        if (loss.isNumbered()) {
            line.append(String.format(Locale.ROOT, "; %d lost (%.1f%%) of %d sent: %d never arrived, %d arrived"
                    + " incomplete, %d rejected", loss.lost(), loss.lostPercent(), loss.sent(), loss.neverArrived(),
                    loss.arrivedIncomplete(), loss.rejected()));
        } else {
            line.append(String.format(Locale.ROOT, "; at least %d lost (%.1f%%): %d arrived incomplete, %d rejected"
                    + " (frames without a stamp carry no number, so what never arrived is not known)", loss.lost(),
                    loss.lostPercent(), loss.arrivedIncomplete(), loss.rejected()));
        }
        if (stats.undecodable.get() > 0) {
            line.append("; ").append(stats.undecodable.get()).append(" accepted frames did not decode");
        }
        double[] latency = stats.latencyMillis(0.50, 0.95);
        line.append(latency == null ? "; latency unknown (no stamped frames)"
                : String.format(Locale.ROOT, "; latency median %.1f ms p95 %.1f ms (if the clocks agree)",
                        latency[0], latency[1]));
        return line.toString();
    }

    private String datagrams() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "datagrams: %d received = %d in accepted frames + %d in incomplete frames + %d in rejected frames"
                        + " + %d in unverified frames + %d ignored (other senders, --from) + %d garbage",
                stats.datagrams(), stats.acceptedDatagrams.get(), stats.incompleteDatagrams.get(),
                stats.rejectedDatagrams.get(), stats.unverifiedDatagrams.get(), stats.otherSenderDatagrams(),
                stats.garbage()));
        long afterEnd = stats.afterEndDatagrams.get();
        if (afterEnd > 0) {
            line.append(" + ").append(afterEnd).append(" after the last frame wanted");
        }
        long pending = stats.datagrams() - stats.datagramsAccountedFor();
        if (pending != 0) {
            line.append(" + ").append(pending).append(" in frames still in progress");
        }
        if (stats.sendersForgotten() > 0) {
            line.append("; ").append(stats.sendersForgotten()).append(" senders forgotten to bound memory");
        }
        if (stats.receiveErrors.get() > 0) {
            line.append("; ").append(stats.receiveErrors.get()).append(" failed reads");
        }
        return line.toString();
    }
}
