package udpvideo.codec.jpeg;

import udpvideo.stamp.FrameStamp;

/**
 * The few facts udpvideo reads from a JPEG's header: its size, our stamp comment, and where a comment may go.
 *
 * <p>A JPEG is a run of segments, each {@code 0xFF, marker, 2-byte big-endian length, payload}, from SOI up to
 * the start of scan (SOS), after which the compressed image data runs to EOI. This walks the segments up to SOS
 * and checks every length against the buffer, so garbage from the network cannot send it out of bounds.
 *
 * <p>It reads only the two kinds of JPEG that anyone's video sender writes (ours, the tutorial's
 * {@code cv2.imencode}): baseline and extended sequential with Huffman coding (SOF0, SOF1). The other kinds are
 * refused here, before a decoder sees them: a progressive JPEG can be a "scan bomb", a datagram of a thousand
 * scans that each make the decoder walk every block of the image again (seconds of CPU for 65 KB), and
 * arithmetic, lossless and hierarchical JPEGs are never video frames.
 */
public final class JpegHeader {
    public static final int SOI = 0xD8;
    public static final int EOI = 0xD9;
    public static final int SOS = 0xDA;
    public static final int COM = 0xFE;
    public static final int APP0 = 0xE0;
    public static final int APP15 = 0xEF;
    public static final int DRI = 0xDD;
    /** Baseline: 8-bit samples, Huffman coded, one pass over the image. */
    public static final int SOF0 = 0xC0;
    /** Extended sequential, Huffman coded: baseline with more tables allowed. */
    public static final int SOF1 = 0xC1;
    /** Define arithmetic coding conditioning: only an arithmetic-coded JPEG has one. */
    private static final int DAC = 0xCC;
    /** Define hierarchical progression and expand reference components: only a hierarchical JPEG has them. */
    private static final int DHP = 0xDE;
    private static final int EXP = 0xDF;

    /** Image width in pixels, from the SOF segment. */
    public final int width;
    /** Image height in pixels, from the SOF segment. */
    public final int height;
    /** Our stamp, or null when the frame carries none. */
    public final FrameStamp stamp;
    /** Offset of the stamp's 8 CRC digits, the last bytes of its COM segment; -1 without a stamp. */
    public final int crcDigitsAt;
    /** Offset of the first segment that is not an APPn segment: where the sender puts the stamp. */
    public final int firstNonAppSegment;
    /** Offset of the frame header's (SOF's) marker; its payload starts 4 bytes later. */
    public final int frameHeader;
    /** MCUs from one restart marker to the next (the DRI segment), or 0 when the frame has none. */
    public final int restartInterval;
    /** Offset of the start of scan's (SOS's) marker. */
    public final int scanHeader;
    /** Offset just past the SOS segment: where the compressed image data begins. */
    public final int scanData;

    private JpegHeader(int width, int height, FrameStamp stamp, int crcDigitsAt, int firstNonAppSegment,
            int frameHeader, int restartInterval, int scanHeader, int scanData) {
        this.width = width;
        this.height = height;
        this.stamp = stamp;
        this.crcDigitsAt = crcDigitsAt;
        this.firstNonAppSegment = firstNonAppSegment;
        this.frameHeader = frameHeader;
        this.restartInterval = restartInterval;
        this.scanHeader = scanHeader;
        this.scanData = scanData;
    }

    /** Reads the header of the JPEG in {@code jpeg[0, length)}. */
    public static JpegHeader parse(byte[] jpeg, int length) throws MalformedJpegException {
        if (length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new MalformedJpegException("does not start with SOI (FF D8)");
        }
        int width = -1;
        int height = -1;
        FrameStamp stamp = null;
        int crcDigitsAt = -1;
        int firstNonApp = -1;
        int frameHeader = -1;
        int restartInterval = 0;
        int pos = 2;
        while (true) {
            if (pos + 4 > length) {
                throw new MalformedJpegException("header ends at byte " + pos + " before the image data (SOS)");
            }
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                throw new MalformedJpegException("expected a marker at byte " + pos);
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // a fill byte: markers may be preceded by any number of 0xFF
                continue;
            }
            boolean isApp = marker >= APP0 && marker <= APP15;
            if (!isApp && firstNonApp < 0) {
                firstNonApp = pos;
            }
            if (marker == SOS) {
                break; // the SOS segment's length is checked below, after the loop
            }
            if (marker == SOI || marker == EOI || marker == 0x00) {
                throw new MalformedJpegException(String.format("unexpected marker %02X at byte %d", marker, pos));
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2; // TEM and RSTn stand alone: no length
                continue;
            }
            int segmentLength = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            int payload = pos + 4;
            int next = pos + 2 + segmentLength;
            if (segmentLength < 2 || next > length) {
                throw new MalformedJpegException(String.format(
                        "segment %02X at byte %d claims %d bytes, only %d remain", marker, pos, segmentLength,
                        length - pos - 2));
            }
            if (isStartOfFrame(marker)) {
                if (marker != SOF0 && marker != SOF1) {
                    throw new MalformedJpegException(String.format(
                            "%s JPEG (SOF%d at byte %d): only baseline and extended sequential Huffman JPEGs"
                                    + " (SOF0, SOF1) are decoded", kindOfFrame(marker), marker - SOF0, pos));
                }
                if (width >= 0) {
                    throw new MalformedJpegException("a second frame header (SOF) at byte " + pos);
                }
                if (segmentLength < 7) {
                    throw new MalformedJpegException("frame header (SOF) at byte " + pos + " is too short");
                }
                height = ((jpeg[payload + 1] & 0xFF) << 8) | (jpeg[payload + 2] & 0xFF);
                width = ((jpeg[payload + 3] & 0xFF) << 8) | (jpeg[payload + 4] & 0xFF);
                frameHeader = pos;
            } else if (marker == DAC || marker == DHP || marker == EXP) {
                throw new MalformedJpegException(String.format("%s segment %02X at byte %d: only baseline and"
                        + " extended sequential Huffman JPEGs are decoded",
                        marker == DAC ? "arithmetic coding" : "hierarchical", marker, pos));
            } else if (marker == DRI && segmentLength == 4) {
                restartInterval = ((jpeg[payload] & 0xFF) << 8) | (jpeg[payload + 1] & 0xFF);
            } else if (marker == COM && FrameStamp.looksLikeStamp(jpeg, payload, next - payload)) {
                if (stamp != null) {
                    throw new MalformedJpegException("a second udpvideo comment at byte " + pos);
                }
                try {
                    stamp = FrameStamp.parse(jpeg, payload, next - payload);
                } catch (IllegalArgumentException e) {
                    throw new MalformedJpegException("bad udpvideo comment: " + e.getMessage());
                }
                crcDigitsAt = next - FrameStamp.CRC_DIGITS;
            }
            pos = next;
        }
        if (width < 0) {
            throw new MalformedJpegException("no frame header (SOF) before the image data");
        }
        int scanData = pos + 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        if (scanData > length) {
            throw new MalformedJpegException("start of scan (SOS) at byte " + pos + " runs past the end");
        }
        return new JpegHeader(width, height, stamp, crcDigitsAt, firstNonApp, frameHeader, restartInterval, pos,
                scanData);
    }

    /** What kind of JPEG a start-of-frame marker other than SOF0 and SOF1 begins, in the standard's words. */
    private static String kindOfFrame(int marker) {
        boolean isHierarchical = (marker & 0x07) >= 5; // SOF5..7 and SOF13..15: differential frames
        String process = switch (marker & 0x03) {
            case 2 -> "progressive";
            case 3 -> "lossless";
            default -> isHierarchical ? "sequential" : "extended sequential";
        };
        return (isHierarchical ? "hierarchical " : "") + (marker >= 0xC9 ? "arithmetic-coded " : "") + process;
    }

    /** SOF0..SOF15, except the three markers in that range that mean something else (DHT, JPG, DAC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
