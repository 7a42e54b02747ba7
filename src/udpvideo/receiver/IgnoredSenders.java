package udpvideo.receiver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import udpvideo.transport.Addresses;

/**
 * The addresses whose datagrams were ignored since the status line last said so: refused by {@code --from}, or
 * from a sender while another is shown. Any host that can reach the port can send, so the receiver says within a
 * second whom it is ignoring and why. Names at most {@link #NAMED} addresses, then how many datagrams came from
 * others, so a flood costs bounded memory. Thread-safe.
 */
final class IgnoredSenders {
    /** Addresses named in one status line. */
    static final int NAMED = 3;

    private final InetAddress onlyFrom;
    private final Set<InetSocketAddress> notFrom = new LinkedHashSet<>();
    private final Set<InetSocketAddress> notShown = new LinkedHashSet<>();
    private long moreNotFrom;
    private long moreNotShown;

    /** @param onlyFrom the {@code --from} address, or null */
    IgnoredSenders(InetAddress onlyFrom) {
        this.onlyFrom = onlyFrom;
    }

    /** A datagram from {@code sender} that {@code --from} does not admit. */
    synchronized void notFrom(InetSocketAddress sender) {
        if (!notFrom.contains(sender) && (notFrom.size() >= NAMED || !notFrom.add(sender))) {
            moreNotFrom++;
        }
    }

    /** A frame from {@code sender}, which passed its checks while another sender is shown. */
    synchronized void notShown(InetSocketAddress sender) {
        if (!notShown.contains(sender) && (notShown.size() >= NAMED || !notShown.add(sender))) {
            moreNotShown++;
        }
    }

    /**
     * What was ignored since the last call, such as {@code ignoring datagrams from 127.0.0.1:5000: showing
     * 127.0.0.1:4000}, and forgets it; null when nothing was.
     */
    synchronized String drain(InetSocketAddress shown) {
        StringBuilder text = new StringBuilder();
        if (!notShown.isEmpty()) {
            text.append("ignoring datagrams from ").append(names(notShown, moreNotShown)).append(": showing ")
                    .append(shown == null ? "another sender" : Addresses.format(shown));
        }
        if (!notFrom.isEmpty()) {
            text.append(text.length() == 0 ? "" : " | ").append("ignoring datagrams from ")
                    .append(names(notFrom, moreNotFrom)).append(": --from admits only ")
                    .append(onlyFrom == null ? "one host" : onlyFrom.getHostAddress());
        }
        notShown.clear();
        notFrom.clear();
        moreNotShown = 0;
        moreNotFrom = 0;
        return text.length() == 0 ? null : text.toString();
    }

    private static String names(Set<InetSocketAddress> senders, long more) {
        StringBuilder names = new StringBuilder();
        for (InetSocketAddress sender : senders) {
            names.append(names.length() == 0 ? "" : ", ").append(Addresses.format(sender));
        }
        return more == 0 ? names.toString() : names + " (and " + more + " datagrams from other addresses)";
    }
}
