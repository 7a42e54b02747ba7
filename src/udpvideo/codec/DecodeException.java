package udpvideo.codec;

/** A frame could not be decoded cleanly; the message says why. */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure for the reason given. */
    public DecodeException(String message) {
        super(message);
    }

    /** A failure for the reason given, caused by {@code cause}. */
    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
