package udpvideo.packet;

import java.util.Locale;

/**
 * A frame is larger than its packet format can carry: more segments than the one-byte countdown can number, or
 * more bytes than a length prefix admits.
 */
public final class FrameTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(int frameBytes, int segments, int segmentBytes) {
        this(String.format(Locale.ROOT, "a frame of %,d bytes needs %d segments of %,d bytes, but the countdown byte"
                + " allows %d", frameBytes, segments, segmentBytes, CountdownPacketizer.MAX_SEGMENTS));
    }

    FrameTooLargeException(String message) {
        super(message);
    }
}
