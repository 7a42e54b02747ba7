package udpvideo.receiver;

import java.net.InetSocketAddress;

/**
 * Decides whose frames are shown when more than one sender streams to the port: the first sender with an
 * accepted frame keeps the screen until it has had no accepted frame for {@link #HANDOVER_NANOS}; then the next
 * sender with an accepted frame takes over (a restarted sender comes from a new port). Only accepted frames count,
 * so datagrams that never form a valid frame can never take the screen. Callers synchronize.
 */
final class ShownSender {
    /** How long the shown sender may be silent before another may take over: one second. */
    static final long HANDOVER_NANOS = 1_000_000_000L;

    private InetSocketAddress current;
    private long lastAcceptedNanos;

    /** Whether an accepted frame from {@code sender}, arriving at {@code nowNanos}, is to be shown. */
    boolean admits(InetSocketAddress sender, long nowNanos) {
        if (current == null || nowNanos - lastAcceptedNanos > HANDOVER_NANOS) {
            current = sender;
        }
        if (!current.equals(sender)) {
            return false;
        }
        lastAcceptedNanos = nowNanos;
        return true;
    }

    /** The sender being shown, or null before the first accepted frame. */
    InetSocketAddress current() {
        return current;
    }
}
