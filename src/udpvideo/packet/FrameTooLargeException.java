package udpvideo.packet;

import java.util.Locale;

/**
 * A frame is larger than its packet format can carry: more segments than the one-byte countdown can number, more
 * bytes than a length prefix admits, or more base64 than one datagram holds. Nothing of it was sent.
 */
public final class FrameTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;
    /** What the user can change so that frames fit, for the sender's warning. */
    private static final String CUT_FRAME_ADVICE = "lower --quality or --width, or raise --segment-size";

    /** What the user can change so that frames fit. */
    private final String advice;

    FrameTooLargeException(int frameBytes, int segments, int segmentBytes) {
        this(String.format(Locale.ROOT, "a frame of %,d bytes needs %d segments of %,d bytes, but the countdown byte"
                + " allows %d", frameBytes, segments, segmentBytes, CountdownPacketizer.MAX_SEGMENTS));
    }

    FrameTooLargeException(String message) {
        this(message, CUT_FRAME_ADVICE);
    }

    FrameTooLargeException(String message, String advice) {
        super(message);
        this.advice = advice;
    }

    /** What the user can change so that frames fit, such as {@code lower --quality or --width}. */
    public String advice() {
        return advice;
    }
}
