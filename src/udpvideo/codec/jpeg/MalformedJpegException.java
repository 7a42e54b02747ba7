package udpvideo.codec.jpeg;

import udpvideo.codec.MalformedFrameException;

/** The bytes do not have the structure of a JPEG file; the message says where it breaks. */
public final class MalformedJpegException extends MalformedFrameException {
    private static final long serialVersionUID = 1L;

    /** A JPEG that is malformed for the reason given. */
    public MalformedJpegException(String message) {
        super(message);
    }
}
