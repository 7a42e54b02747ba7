package udpvideo.codec;

import java.util.List;
import java.util.stream.Collectors;
import udpvideo.codec.jpeg.JpegCodec;
import udpvideo.codec.png.PngCodec;
import udpvideo.codec.raw.RawCodec;

/**
 * Every codec udpvideo knows, in one list: {@code --codec} chooses among them by name on the sender, and the
 * receiver recognises each frame's codec by its first bytes. A new codec is one line here.
 */
public final class Codecs {
    /** The codecs, the default first. Their first bytes must differ, or a frame could be taken for another's. */
    private static final List<Codec> ALL = List.of(
            new JpegCodec(),
            new PngCodec(),
            new RawCodec());

    private Codecs() {
    }

    /** The codec a sender uses when none is asked for: JPEG, which the tutorial speaks. */
    public static Codec defaultCodec() {
        return ALL.get(0);
    }

    /** The codec called {@code name}, as {@code --codec} takes it. */
    public static Codec named(String name) {
        for (Codec codec : ALL) {
            if (codec.name().equals(name)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("--codec must be one of " + names() + ", was '" + name + "'");
    }

    /** The codec whose frames begin as {@code data[offset, offset + length)} does, or null when none. */
    public static Codec recognise(byte[] data, int offset, int length) {
        for (Codec codec : ALL) {
            if (codec.startsFrame(data, offset, length)) {
                return codec;
            }
        }
        return null;
    }

    /** Whether the bytes begin a frame of any codec: where a depacketizer may start a frame. */
    public static boolean startsAnyFrame(byte[] data, int offset, int length) {
        return recognise(data, offset, length) != null;
    }

    /** The names, for messages and help: {@code jpeg|png|raw}. */
    public static String names() {
        return ALL.stream().map(Codec::name).collect(Collectors.joining("|"));
    }
}
