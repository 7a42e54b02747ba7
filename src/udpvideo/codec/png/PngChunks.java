package udpvideo.codec.png;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import udpvideo.codec.BigEndian;

/**
 * The pieces a PNG file is made of, as udpvideo reads and writes them: an 8-byte signature, then chunks.
 *
 * <p>A chunk is {@code length (4 bytes), type (4 ASCII letters), data (length bytes), CRC (4 bytes)}; the
 * numbers are big-endian, and the CRC is CRC-32 of the type and the data. A file is the signature, an IHDR chunk
 * (the size), any number of other chunks including the image data (IDAT), and an empty IEND chunk last.
 */
final class PngChunks {
    /** Every PNG file starts with these bytes: 0x89, "PNG", CR LF, 0x1A (DOS end of file), LF. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Bytes of a chunk besides its data: the length and type before it, the CRC after it. */
    static final int OVERHEAD_BYTES = 12;
    /** Bytes of IHDR's data: width (4), height (4), bit depth, colour type, compression, filter, interlace. */
    static final int IHDR_DATA_BYTES = 13;
    /** Where IHDR ends, in every PNG: the signature (8) and IHDR (12 + 13). The stamp chunk goes here. */
    static final int IHDR_END = SIGNATURE.length + OVERHEAD_BYTES + IHDR_DATA_BYTES;

    static final int IHDR = type("IHDR");
    static final int IDAT = type("IDAT");
    static final int IEND = type("IEND");
    static final int TEXT = type("tEXt");

    /**
     * The keyword of our stamp's tEXt chunk. A tEXt chunk's data is a keyword, a NUL byte and Latin-1 text; every
     * decoder skips text chunks, so the tutorial's receiver shows stamped frames unchanged.
     */
    static final String STAMP_KEYWORD = "udpvideo";

    private PngChunks() {
    }

    /** Whether {@code data[offset, offset + length)} begins with the PNG signature. */
    static boolean startsWithSignature(byte[] data, int offset, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[offset + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The CRC a chunk stores: CRC-32 of its type, at {@code typeAt}, and the {@code dataLength} bytes after it. */
    static int crc(byte[] bytes, int typeAt, int dataLength) {
        CRC32 crc = new CRC32();
        crc.update(bytes, typeAt, 4 + dataLength);
        return (int) crc.getValue();
    }

    /** Writes the chunk {@code type, data} at {@code bytes[at...]}, CRC included; returns where it ends. */
    static int write(byte[] bytes, int at, int type, byte[] data) {
        BigEndian.writeInt(bytes, at, data.length);
        BigEndian.writeInt(bytes, at + 4, type);
        System.arraycopy(data, 0, bytes, at + 8, data.length);
        BigEndian.writeInt(bytes, at + 8 + data.length, crc(bytes, at + 4, data.length));
        return at + OVERHEAD_BYTES + data.length;
    }

    /** Writes the CRC of the chunk at {@code at} whose data is {@code dataLength} bytes, after its data. */
    static void writeCrc(byte[] bytes, int at, int dataLength) {
        BigEndian.writeInt(bytes, at + 8 + dataLength, crc(bytes, at + 4, dataLength));
    }

    /** Whether the 4 type bytes at {@code at} are letters, as PNG requires of every chunk type. */
    static boolean isValidType(byte[] bytes, int at) {
        for (int i = at; i < at + 4; i++) {
            int c = bytes[i] & 0xFF;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The chunk type at {@code at}, for messages: its letters, or its bytes in hex when they are not letters. */
    static String typeName(byte[] bytes, int at) {
        return isValidType(bytes, at) ? new String(bytes, at, 4, StandardCharsets.US_ASCII)
                : String.format("%08X", BigEndian.readInt(bytes, at));
    }

    /** Whether {@code bytes[data, data + length)}, a tEXt chunk's data, starts with our keyword and its NUL. */
    static boolean hasStampKeyword(byte[] bytes, int data, int length) {
        if (length <= STAMP_KEYWORD.length() || bytes[data + STAMP_KEYWORD.length()] != 0) {
            return false;
        }
        for (int i = 0; i < STAMP_KEYWORD.length(); i++) {
            if (bytes[data + i] != STAMP_KEYWORD.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int type(String letters) {
        byte[] bytes = letters.getBytes(StandardCharsets.US_ASCII);
        return BigEndian.readInt(bytes, 0);
    }
}
