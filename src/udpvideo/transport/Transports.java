package udpvideo.transport;

import java.util.List;
import java.util.stream.Collectors;

/** Every transport udpvideo knows, in one list; {@code --transport} chooses by name. A new one is one line here. */
public final class Transports {
    /** The transports, the default first. */
    private static final List<Transport> ALL = List.of(
            new UdpTransport(),
            new TcpTransport());

    private Transports() {
    }

    /** The transport both programs use when none is asked for: UDP, which the tutorial speaks. */
    public static Transport defaultTransport() {
        return ALL.get(0);
    }

    /** The transport called {@code name}. */
    public static Transport named(String name) {
        for (Transport transport : ALL) {
            if (transport.name().equals(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("--transport must be one of " + names() + ", was '" + name + "'");
    }

    /** The names, for messages and help: {@code udp|tcp}. */
    public static String names() {
        return ALL.stream().map(Transport::name).collect(Collectors.joining("|"));
    }
}
