package udpvideo.receiver;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import udpvideo.codec.Codecs;
import udpvideo.packet.CountdownDepacketizer;

/**
 * One {@link CountdownDepacketizer} per sender address, so datagrams from two senders never mix in one frame.
 *
 * <p>Holds at most {@link #MAX_SENDERS}; the one heard from least recently is forgotten first, which bounds the
 * memory a stream of datagrams from many addresses can take. Owned by the receive thread; not thread-safe.
 */
final class SenderTable {
    /** A classroom has a few senders; each entry may hold a frame's worth of buffer. */
    static final int MAX_SENDERS = 8;

    private final Map<InetSocketAddress, CountdownDepacketizer> assemblers =
            new LinkedHashMap<>(16, 0.75f, true) { // access order: least recently used first
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, CountdownDepacketizer> eldest) {
                    return size() > MAX_SENDERS;
                }
            };

    /** The assembler for {@code sender}, new if it was not known (or was forgotten). */
    CountdownDepacketizer assemblerFor(InetSocketAddress sender) {
        return assemblers.computeIfAbsent(sender, key -> new CountdownDepacketizer(Codecs::startsAnyFrame));
    }

    /** How many senders are remembered. */
    int size() {
        return assemblers.size();
    }
}
