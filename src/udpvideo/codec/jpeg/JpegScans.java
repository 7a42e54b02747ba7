package udpvideo.codec.jpeg;

/**
 * Counts the scans of a JPEG without decoding it, so that a frame of more than one is refused before a decoder
 * spends a pass over the whole image on each.
 *
 * <p>A scan is an SOS segment followed by compressed data. Inside the data a byte FF is always followed by 00
 * (a data byte FF), by FF (fill) or by a restart marker RST0..RST7; any other marker ends the scan. Our sender and
 * {@code cv2.imencode} write one scan with every component in it, so the only marker after the first SOS is the
 * EOI that ends the frame. A sequential JPEG may also code each component in a scan of its own, and a progressive
 * one refines the image over many: a thousand scans fit in one datagram, which is why the count is checked.
 */
final class JpegScans {
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;

    private JpegScans() {
    }

    /**
     * Refuses the JPEG in {@code jpeg[0, length)}, which ends with EOI, unless its image data from
     * {@code scanData} (just past its first SOS segment) up to that EOI is a single scan.
     */
    static void requireOne(byte[] jpeg, int scanData, int length) throws MalformedJpegException {
        int end = length - 2;
        int firstSegment = firstSegment(jpeg, scanData, end);
        if (firstSegment < 0) {
            return;
        }
        int scans = count(jpeg, firstSegment, end);
        if (scans == 1) {
            throw new MalformedJpegException(String.format("segment %02X at byte %d after the image data",
                    jpeg[firstSegment + 1] & 0xFF, firstSegment));
        }
        throw new MalformedJpegException(scans + " scans (SOS segments): only single-scan JPEGs are decoded, as"
                + " video senders write them");
    }

    /** Where the first marker that is not a restart is in {@code jpeg[from, end)}, or -1 when there is none. */
    private static int firstSegment(byte[] jpeg, int from, int end) {
        for (int pos = from; pos < end - 1; pos++) {
            if (jpeg[pos] == (byte) 0xFF) {
                int marker = jpeg[pos + 1] & 0xFF;
                if (marker != 0x00 && marker != 0xFF && (marker < RST0 || marker > RST7)) {
                    return pos;
                }
            }
        }
        return -1;
    }

    /**
     * The scans of the frame: the first, plus every SOS in {@code jpeg[pos, end)}, where {@code pos} is a marker.
     * Walks the segments between scans whole and the data of each scan byte by byte.
     */
    private static int count(byte[] jpeg, int pos, int end) throws MalformedJpegException {
        int scans = 1;
        while (pos < end - 1) {
            if (jpeg[pos] != (byte) 0xFF) {
                pos++;
                continue;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0x00 || (marker >= RST0 && marker <= RST7)) {
                pos += 2;
                continue;
            }
            if (marker == 0xFF) {
                pos++; // fill before a marker
                continue;
            }
            if (marker == JpegHeader.EOI || marker == JpegHeader.SOI || marker == 0x01 || pos + 4 > end) {
                throw new MalformedJpegException(String.format("marker %02X at byte %d inside the image data",
                        marker, pos));
            }
            // a segment between scans (tables, a comment) or the next scan's header: skip it whole
            int next = pos + 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
            if (next > end || next < pos + 4) {
                throw new MalformedJpegException(String.format(
                        "segment %02X at byte %d inside the image data runs past the end", marker, pos));
            }
            if (marker == JpegHeader.SOS) {
                scans++;
            }
            pos = next;
        }
        return scans;
    }
}
