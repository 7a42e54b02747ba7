package udpvideo.transport;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import udpvideo.packet.Depacketizer;

/**
 * One {@link Depacketizer} per sender address, so datagrams from two senders never mix in one frame.
 *
 * <p>Holds at most {@link #MAX_SENDERS}; the one heard from least recently is forgotten first, which bounds the
 * memory a stream of datagrams from many addresses can take. Owned by the receive thread; not thread-safe.
 */
final class SenderTable {
    /** A classroom has a few senders; each entry may hold a frame's worth of buffer. */
    static final int MAX_SENDERS = 8;

    private final Supplier<Depacketizer> factory;
    private final Map<InetSocketAddress, Depacketizer> depacketizers =
            new LinkedHashMap<>(16, 0.75f, true) { // access order: least recently used first
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Depacketizer> eldest) {
                    return size() > MAX_SENDERS;
                }
            };

    SenderTable(Supplier<Depacketizer> factory) {
        this.factory = factory;
    }

    /** The depacketizer for {@code sender}, new if it was not known (or was forgotten). */
    Depacketizer depacketizerFor(InetSocketAddress sender) {
        return depacketizers.computeIfAbsent(sender, key -> factory.get());
    }
}
