package udpvideo.receiver;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender addresses whose frames have carried a valid stamp. From such a sender an unstamped frame is not a
 * tutorial's frame but one whose stamp was stripped, and stripping it is the one edit a CRC cannot see: so it is
 * refused, where an unstamped stream from its first frame (the tutorial's sender) is decoded and judged by that.
 *
 * <p>Remembers the {@link #CAPACITY} addresses seen most recently, so a flood from many addresses costs bounded
 * memory; a sender forgotten that way is judged as new. Owned by the receive thread; not thread-safe.
 */
final class StampedSenders {
    /** More than the senders a classroom runs at once. */
    static final int CAPACITY = 64;

    private final Map<InetSocketAddress, Boolean> senders = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Notes that {@code sender} sent a frame whose stamp and CRC checked. */
    void stamped(InetSocketAddress sender) {
        senders.put(sender, Boolean.TRUE);
    }

    /** Whether a frame from {@code sender} must carry a stamp. */
    boolean mustStamp(InetSocketAddress sender) {
        return senders.get(sender) != null;
    }
}
