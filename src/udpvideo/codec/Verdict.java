package udpvideo.codec;

import udpvideo.stamp.FrameStamp;

/**
 * What {@link FrameInspector} concluded about one reassembled frame.
 *
 * @param kind   the conclusion
 * @param reason why it was rejected; null otherwise
 * @param codec  the codec its first bytes name; null when rejected
 * @param stamp  the frame's stamp when verified; null otherwise
 * @param width  the image width from the header; 0 when rejected
 * @param height the image height from the header; 0 when rejected
 */
public record Verdict(Kind kind, String reason, Codec codec, FrameStamp stamp, int width, int height) {
    /** The three possible conclusions. */
    public enum Kind {
        /** Stamped and its CRC matches: whole, no decode needed to know it. */
        VERIFIED,
        /** Structurally sound but unstamped: accept it only if it decodes without a warning. */
        NEEDS_DECODE,
        /** Must not be shown; {@link #reason()} says why. */
        REJECTED
    }

    static Verdict verified(Codec codec, FrameStamp stamp, int width, int height) {
        return new Verdict(Kind.VERIFIED, null, codec, stamp, width, height);
    }

    static Verdict needsDecode(Codec codec, int width, int height) {
        return new Verdict(Kind.NEEDS_DECODE, null, codec, null, width, height);
    }

    static Verdict rejected(String reason) {
        return new Verdict(Kind.REJECTED, reason, null, null, 0, 0);
    }
}
