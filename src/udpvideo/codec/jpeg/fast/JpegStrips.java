package udpvideo.codec.jpeg.fast;

import java.util.Arrays;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.MalformedJpegException;

/**
 * A JPEG frame whose rows can be encoded, and decoded, on several cores at once, yet which any decoder reads as
 * one ordinary image.
 *
 * <p>Baseline JPEG compresses an image in MCUs (blocks of 16x16 pixels with 4:2:0 chroma subsampling), left to
 * right, top to bottom, and codes each block's average colour as a difference from the block before. A restart
 * interval (the DRI segment) breaks that chain every N MCUs and marks the place with a restart marker, FF D0 to
 * FF D7 in turn, so the data after a marker depends on nothing before it. udpvideo's encoder restarts at every
 * row of MCUs, so any run of rows can be cut out of a frame, or put into one:
 *
 * <pre>
 * SOI APP0 COM DQT SOF DHT DRI SOS [MCU row 0] RST0 [MCU row 1] RST1 ... RST7 [row 8] RST0 ... [last row] EOI
 * </pre>
 *
 * <p>The sender encodes horizontal strips of a frame on several threads, each as a JPEG of its own, and
 * {@link #join}s them: strip 0's header with the whole height, then every strip's data, its markers renumbered to
 * run on from the strip before. The receiver {@link #find}s the intervals and {@link #write}s runs of them out as
 * JPEGs of their own (the header with the run's height), so each decodes on its own thread. Pure: bytes in, bytes
 * out.
 */
public final class JpegStrips {
    /** Strips are cut at multiples of this many rows: the tallest MCU a baseline JPEG has (16 = 2 x 8 pixels). */
    public static final int ROW_UNIT = 16;
    private static final int RST0 = 0xD0;
    /** SOF0 (baseline) and SOF1 (extended sequential): one scan, Huffman coded. Other frames are not cut. */
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    /** Only colour frames are cut: their decoders write into the same colour image. */
    private static final int COLOUR_COMPONENTS = 3;
    /** Bytes from the SOF marker to its height field (marker 2, length 2, sample precision 1). */
    private static final int HEIGHT_FIELD = 5;

    private final byte[] jpeg;
    private final JpegHeader header;
    /** Pixel rows in every restart interval but the last, which may have fewer. */
    private final int intervalRows;
    /** Where each interval's compressed data starts in {@link #jpeg}. */
    private final int[] dataStart;
    /** Where each interval's compressed data ends (exclusive): at the restart marker after it, or at EOI. */
    private final int[] dataEnd;

    private JpegStrips(byte[] jpeg, JpegHeader header, int intervalRows, int[] dataStart, int[] dataEnd) {
        this.jpeg = jpeg;
        this.header = header;
        this.intervalRows = intervalRows;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
    }

    /**
     * How many rows each strip gets when a frame {@code height} rows tall is cut into {@code strips} strips
     * (fewer when the frame is short): a multiple of {@link #ROW_UNIT}.
     */
    public static int stripRows(int height, int strips) {
        if (height < 1 || strips < 1) {
            throw new IllegalArgumentException("need rows and strips, was " + height + " rows in " + strips);
        }
        return ceilDiv(ceilDiv(height, ROW_UNIT), strips) * ROW_UNIT;
    }

    /**
     * Joins strips into one JPEG: {@code strips[i]} is a JPEG of rows {@code [i * stripRows, ...)} of the frame,
     * every one but the last exactly {@code stripRows} tall, all written by the same encoder with the same settings
     * and a restart interval of one row of MCUs, so their headers match but for the height.
     *
     * @throws MalformedJpegException when the strips do not fit together that way
     */
    public static byte[] join(byte[][] strips, int stripRows) throws MalformedJpegException {
        if (strips.length == 1) {
            return strips[0];
        }
        JpegHeader first = JpegHeader.parse(strips[0], strips[0].length);
        JpegHeader[] headers = new JpegHeader[strips.length];
        int[][] markers = new int[strips.length][];
        int height = 0;
        int dataBytes = 0;
        for (int i = 0; i < strips.length; i++) {
            byte[] strip = strips[i];
            JpegHeader header = JpegHeader.parse(strip, strip.length);
            boolean isLast = i == strips.length - 1;
            if (header.height != stripRows && !(isLast && header.height < stripRows)) {
                throw new MalformedJpegException("strip " + i + " has " + header.height + " rows, not " + stripRows);
            }
            if (!hasSameHeader(strips[0], first, strip, header) || !endsWithEoi(strip, strip.length)
                    || header.restartInterval == 0) {
                throw new MalformedJpegException("strip " + i + " was not written like strip 0, with restarts");
            }
            markers[i] = restartMarkers(strip, header.scanData, strip.length - 2);
            if (markers[i] == null) {
                throw new MalformedJpegException("strip " + i + " has a marker other than a restart in its data");
            }
            headers[i] = header;
            height += header.height;
            dataBytes += strip.length - 2 - header.scanData;
        }
        byte[] joined = new byte[first.scanData + dataBytes + 2 * (strips.length - 1) + 2];
        System.arraycopy(strips[0], 0, joined, 0, first.scanData);
        putShort(joined, first.frameHeader + HEIGHT_FIELD, height);
        int pos = first.scanData;
        int restarts = 0;
        for (int i = 0; i < strips.length; i++) {
            if (i > 0) {
                pos = putRestart(joined, pos, restarts++);
            }
            int from = headers[i].scanData;
            for (int marker : markers[i]) {
                pos = copy(strips[i], from, marker, joined, pos);
                pos = putRestart(joined, pos, restarts++);
                from = marker + 2;
            }
            pos = copy(strips[i], from, strips[i].length - 2, joined, pos);
        }
        joined[pos++] = (byte) 0xFF;
        joined[pos] = (byte) JpegHeader.EOI;
        return joined;
    }

    /**
     * The restart intervals of the colour JPEG in {@code jpeg[0, length)}, or null when it has none to decode
     * apart: no restart interval, one that is not whole rows of MCUs, a progressive or grey frame, or anything
     * unexpected in its data (a decoder of the whole frame then reports what is wrong).
     */
    public static JpegStrips find(byte[] jpeg, int length) {
        JpegHeader header;
        try {
            header = JpegHeader.parse(jpeg, length);
        } catch (MalformedJpegException ignored) {
            return null; // not ours to report: decoding the whole frame says what is wrong with it
        }
        int kind = jpeg[header.frameHeader + 1] & 0xFF;
        if (header.restartInterval == 0 || (kind != SOF0 && kind != SOF1) || !endsWithEoi(jpeg, length)
                || header.width < 1 || header.height < 1) {
            return null;
        }
        int[] mcu = mcuSize(jpeg, header);
        if (mcu[0] == 0 || (jpeg[header.frameHeader + 9] & 0xFF) != COLOUR_COMPONENTS
                || header.restartInterval % ceilDiv(header.width, mcu[0]) != 0) {
            return null;
        }
        int intervalRows = header.restartInterval / ceilDiv(header.width, mcu[0]) * mcu[1];
        int count = ceilDiv(header.height, intervalRows);
        int[] markers = restartMarkers(jpeg, header.scanData, length - 2);
        if (count < 2 || markers == null || markers.length != count - 1) {
            return null;
        }
        int[] dataStart = new int[count];
        int[] dataEnd = new int[count];
        dataStart[0] = header.scanData;
        for (int i = 0; i < markers.length; i++) {
            if ((jpeg[markers[i] + 1] & 0xFF) != RST0 + i % 8) {
                return null; // out of order: a decoder of the whole frame says so
            }
            dataEnd[i] = markers[i];
            dataStart[i + 1] = markers[i] + 2;
        }
        dataEnd[count - 1] = length - 2;
        return new JpegStrips(jpeg, header, intervalRows, dataStart, dataEnd);
    }

    /** How many restart intervals the frame has. */
    public int intervals() {
        return dataStart.length;
    }

    /** The frame's width in pixels. */
    public int width() {
        return header.width;
    }

    /** The frame's height in pixels. */
    public int height() {
        return header.height;
    }

    /** The frame row where interval {@code i} starts. */
    public int firstRow(int i) {
        return i * intervalRows;
    }

    /** How many bytes intervals {@code [first, last)} take as a JPEG of their own. */
    public int length(int first, int last) {
        checkRun(first, last);
        return header.scanData + dataEnd[last - 1] - dataStart[first] + 2;
    }

    /**
     * Writes intervals {@code [first, last)} as a JPEG of their own into {@code out}, which holds {@link #length}
     * bytes at least: the frame's header with their height, then their data, markers renumbered from RST0.
     */
    public void write(int first, int last, byte[] out) {
        checkRun(first, last);
        System.arraycopy(jpeg, 0, out, 0, header.scanData);
        int rows = Math.min(header.height, firstRow(last)) - firstRow(first);
        putShort(out, header.frameHeader + HEIGHT_FIELD, rows);
        int pos = header.scanData;
        for (int i = first; i < last; i++) {
            if (i > first) {
                pos = putRestart(out, pos, i - first - 1);
            }
            pos = copy(jpeg, dataStart[i], dataEnd[i], out, pos);
        }
        out[pos++] = (byte) 0xFF;
        out[pos] = (byte) JpegHeader.EOI;
    }

    private void checkRun(int first, int last) {
        if (first < 0 || last > intervals() || first >= last) {
            throw new IllegalArgumentException("intervals " + first + ".." + last + " of " + intervals());
        }
    }

    /**
     * Where the restart markers in compressed data {@code [from, to)} are, or null when the data holds another
     * marker. In the data, FF 00 is a data byte FF, and FF FF is fill before a marker.
     */
    private static int[] restartMarkers(byte[] jpeg, int from, int to) {
        int[] found = new int[16];
        int count = 0;
        for (int i = from; i < to - 1; i++) {
            if (jpeg[i] != (byte) 0xFF) {
                continue;
            }
            int next = jpeg[i + 1] & 0xFF;
            if (next == 0x00 || next == 0xFF) {
                continue;
            }
            if (next < RST0 || next > RST0 + 7) {
                return null;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, 2 * count);
            }
            found[count++] = i++;
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The MCU's width and height in pixels: 8 times the largest sampling factors in the frame header, or {0, 0}
     * when the header is too short to say.
     */
    private static int[] mcuSize(byte[] jpeg, JpegHeader header) {
        int payload = header.frameHeader + 4;
        int segmentEnd = header.frameHeader + 2 + (((jpeg[header.frameHeader + 2] & 0xFF) << 8)
                | (jpeg[header.frameHeader + 3] & 0xFF));
        if (payload + 6 > segmentEnd) {
            return new int[] {0, 0};
        }
        int components = jpeg[payload + 5] & 0xFF;
        if (payload + 6 + 3 * components > segmentEnd || components == 0) {
            return new int[] {0, 0};
        }
        int horizontal = 1;
        int vertical = 1;
        for (int c = 0; c < components; c++) {
            int sampling = jpeg[payload + 7 + 3 * c] & 0xFF;
            horizontal = Math.max(horizontal, sampling >> 4);
            vertical = Math.max(vertical, sampling & 0x0F);
        }
        return new int[] {8 * horizontal, 8 * vertical};
    }

    /** Whether two strips' headers are byte for byte the same but for the frame height. */
    private static boolean hasSameHeader(byte[] a, JpegHeader aHeader, byte[] b, JpegHeader bHeader) {
        int heightAt = aHeader.frameHeader + HEIGHT_FIELD;
        return aHeader.scanData == bHeader.scanData && aHeader.frameHeader == bHeader.frameHeader
                && Arrays.equals(a, 0, heightAt, b, 0, heightAt)
                && Arrays.equals(a, heightAt + 2, aHeader.scanData, b, heightAt + 2, bHeader.scanData);
    }

    private static boolean endsWithEoi(byte[] jpeg, int length) {
        return length >= 4 && (jpeg[length - 2] & 0xFF) == 0xFF && (jpeg[length - 1] & 0xFF) == JpegHeader.EOI;
    }

    /** Writes restart marker number {@code n} (counting from 0 at the first) at {@code pos}; returns the end. */
    private static int putRestart(byte[] bytes, int pos, int n) {
        bytes[pos] = (byte) 0xFF;
        bytes[pos + 1] = (byte) (RST0 + n % 8); // D0..D7, then D0 again
        return pos + 2;
    }

    /** Copies {@code from[start, end)} to {@code to} at {@code pos}; returns the position after it. */
    private static int copy(byte[] from, int start, int end, byte[] to, int pos) {
        System.arraycopy(from, start, to, pos, end - start);
        return pos + end - start;
    }

    /** Writes {@code value} as 2 big-endian bytes at {@code pos}. */
    private static void putShort(byte[] bytes, int pos, int value) {
        bytes[pos] = (byte) (value >> 8);
        bytes[pos + 1] = (byte) value;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
