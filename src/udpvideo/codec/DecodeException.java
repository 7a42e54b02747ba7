package udpvideo.codec;

/** A frame could not be decoded cleanly; the message says why. */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
        super(message);
    }

    DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
