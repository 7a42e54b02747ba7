package udpvideo.receiver;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;

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
        line.append(sender == null ? "waiting for a sender" : "from " + address(sender));
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
                "received %d frames accepted, %d shown, %d skipped, %d incomplete, %d rejected,"
                        + " %d datagrams from other senders, %d garbage datagrams in %.1f s; %.1f fps accepted",
                stats.accepted(), stats.shown(), stats.skipped(), stats.incomplete(), stats.rejected(),
                stats.otherSenderDatagrams(), stats.garbage(), seconds, stats.acceptedPerSecond()));
        double[] latency = stats.latencyMillis(0.50, 0.95);
        line.append(latency == null ? ", latency unknown (no stamped frames)"
                : String.format(Locale.ROOT, ", latency median %.1f ms p95 %.1f ms (if the clocks agree)",
                        latency[0], latency[1]));
        return line.toString();
    }

    /** {@code 192.168.1.20:5000}, or {@code [::1]:5000} for IPv6 (the wildcard reads {@code [::]}). */
    public static String address(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        if (ip instanceof Inet6Address) {
            return "[" + compress(ip.getHostAddress()) + "]:" + address.getPort();
        }
        return ip.getHostAddress() + ":" + address.getPort();
    }

    /** Java writes {@code 0:0:0:0:0:0:0:1}; people write {@code ::1}: fold the longest run of zero groups. */
    private static String compress(String ipv6) {
        String scope = "";
        int percent = ipv6.indexOf('%');
        if (percent >= 0) {
            scope = ipv6.substring(percent);
            ipv6 = ipv6.substring(0, percent);
        }
        String[] groups = ipv6.split(":");
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays as it is
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return ipv6 + scope;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }
}
