package udpvideo.wire;

import java.util.zip.CRC32;

/**
 * Decides, from its bytes alone, whether a reassembled frame may be shown.
 *
 * <p>Checks, cheapest first: SOI at the start and EOI at the end, a header that parses, a size no larger than
 * {@link #MAX_DIMENSION} (a 65 KB datagram can declare a 4-gigapixel image: a decompression bomb), and, when the
 * frame carries our stamp, its CRC. A frame without a stamp (from the tutorial's sender) comes back
 * {@link Verdict.Kind#NEEDS_DECODE}: only a clean decode can vouch for it. Pure and stateless.
 */
public final class FrameInspector {
    /** Largest width or height we decode: 8192 x 8192 x 3 bytes is already 200 MB of pixels. */
    public static final int MAX_DIMENSION = 8192;

    /** Judges the frame in {@code frame[0, length)}. */
    public Verdict inspect(byte[] frame, int length) {
        if (length < 4 || (frame[0] & 0xFF) != 0xFF || (frame[1] & 0xFF) != JpegHeader.SOI) {
            return Verdict.rejected("no SOI at the start");
        }
        if ((frame[length - 2] & 0xFF) != 0xFF || (frame[length - 1] & 0xFF) != JpegHeader.EOI) {
            return Verdict.rejected("no EOI at the end");
        }
        JpegHeader header;
        try {
            header = JpegHeader.parse(frame, length);
        } catch (MalformedJpegException e) {
            return Verdict.rejected("malformed JPEG: " + e.getMessage());
        }
        if (header.width < 1 || header.height < 1
                || header.width > MAX_DIMENSION || header.height > MAX_DIMENSION) {
            return Verdict.rejected("image size " + header.width + "x" + header.height + " is outside 1x1.."
                    + MAX_DIMENSION + "x" + MAX_DIMENSION);
        }
        if (header.stamp == null) {
            return Verdict.needsDecode(header.width, header.height);
        }
        CRC32 crc = new CRC32();
        crc.update(frame, header.stampEnd, length - header.stampEnd);
        if ((int) crc.getValue() != header.stamp.crc32()) {
            return Verdict.rejected(String.format("CRC mismatch in frame %d: stamp says %08x, bytes give %08x",
                    header.stamp.frameNumber(), header.stamp.crc32(), (int) crc.getValue()));
        }
        return Verdict.verified(header.stamp, header.width, header.height);
    }
}
