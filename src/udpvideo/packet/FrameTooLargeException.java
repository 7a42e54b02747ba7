package udpvideo.packet;

import java.util.Locale;

/** A frame needs more than 255 segments, more than the one-byte countdown can number. */
public final class FrameTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(int frameBytes, int segments, int segmentBytes) {
        super(String.format(Locale.ROOT, "a frame of %,d bytes needs %d segments of %,d bytes, but the countdown byte allows %d",
                frameBytes, segments, segmentBytes, CountdownPacketizer.MAX_SEGMENTS));
    }
}
