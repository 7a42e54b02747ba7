package udpvideo.codec;

/** A frame's bytes do not have its codec's structure; the message says where and what was found. */
public class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A frame that is malformed for the reason given. */
    public MalformedFrameException(String message) {
        super(message);
    }
}
