package udpvideo.codec;

/** Reads and writes the 32-bit big-endian ("network order") numbers of the codecs' headers. Pure. */
public final class BigEndian {
    private BigEndian() {
    }

    /** The big-endian 32-bit number at {@code bytes[at, at + 4)}. */
    public static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | (bytes[at + 3] & 0xFF);
    }

    /** Writes {@code value} big-endian into {@code bytes[at, at + 4)}. */
    public static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
