package udpvideo.packet;

import java.util.List;
import java.util.stream.Collectors;

/** Every packet format udpvideo knows, in one list; {@code --protocol} chooses by name. A new one is one line here. */
public final class PacketFormats {
    /** The formats, the default first. */
    private static final List<PacketFormat> ALL = List.of(
            new CountdownFormat(),
            new PyShineFormat());

    private PacketFormats() {
    }

    /** The format both programs use when none is asked for: the classic tutorial's countdown. */
    public static PacketFormat defaultFormat() {
        return ALL.get(0);
    }

    /** The format called {@code name}. */
    public static PacketFormat named(String name) {
        for (PacketFormat format : ALL) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("--protocol must be one of " + names() + ", was '" + name + "'");
    }

    /** The names, for messages and help: {@code countdown|pyshine}. */
    public static String names() {
        return ALL.stream().map(PacketFormat::name).collect(Collectors.joining("|"));
    }
}
