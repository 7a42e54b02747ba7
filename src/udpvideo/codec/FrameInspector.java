package udpvideo.codec;

import java.util.Locale;
import udpvideo.stamp.FrameCheck;

/**
 * Decides, from its bytes alone, whether a reassembled frame may be shown, whatever its codec.
 *
 * <p>Checks, cheapest first: that its first bytes name a codec, that the codec finds its structure whole
 * ({@link Codec#readHeader}), that it declares a size no larger than {@link FrameLimits#MAX_DIMENSION} (a
 * decompression bomb costs nothing here) and one whose images fit in the heap ({@link FrameLimits#fitsInHeap}),
 * and, when the frame carries a stamp, its CRC over every byte of the frame but the CRC's own digits
 * ({@link FrameCheck}). A frame without a stamp
 * (from the tutorial's sender) comes back {@link Verdict.Kind#NEEDS_DECODE}: only a clean decode can vouch for
 * it. Pure, and immutable once made.
 */
public final class FrameInspector {
    /** The heap the frames' images must fit in, in bytes. */
    private final long maxHeapBytes;

    /** An inspector for this JVM's heap ({@code -Xmx}, {@link Runtime#maxMemory()}). */
    public FrameInspector() {
        this(Runtime.getRuntime().maxMemory());
    }

    /** An inspector that holds frames to a heap of {@code maxHeapBytes}. */
    public FrameInspector(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    /** Judges the frame in {@code frame[0, length)}. */
    public Verdict inspect(byte[] frame, int length) {
        Codec codec = Codecs.recognise(frame, 0, length);
        if (codec == null) {
            return Verdict.rejected("not a frame of any codec (" + Codecs.names() + ")");
        }
        FrameHeader header;
        try {
            header = codec.readHeader(frame, length);
        } catch (MalformedFrameException e) {
            return Verdict.rejected("malformed " + codec.name().toUpperCase(Locale.ROOT) + ": " + e.getMessage());
        }
        if (!FrameLimits.isDecodable(header.width(), header.height())) {
            return Verdict.rejected("image size " + header.width() + "x" + header.height() + " is outside 1x1.."
                    + FrameLimits.MAX_DIMENSION + "x" + FrameLimits.MAX_DIMENSION);
        }
        if (!FrameLimits.fitsInHeap(header.width(), header.height(), maxHeapBytes)) {
            return Verdict.rejected(FrameLimits.tooLargeForHeap(header.width(), header.height(), maxHeapBytes));
        }
        if (header.stamp() == null) {
            return Verdict.needsDecode(codec, header.width(), header.height());
        }
        int crc = FrameCheck.crc(frame, length, header.uncheckedFrom(), header.uncheckedTo());
        if (crc != header.stamp().crc32()) {
            return Verdict.rejected(String.format("CRC mismatch in frame %d: stamp says %08x, bytes give %08x",
                    header.stamp().frameNumber(), header.stamp().crc32(), crc));
        }
        return Verdict.verified(codec, header.stamp(), header.width(), header.height());
    }
}
