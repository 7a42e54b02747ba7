package udpvideo.wire;

/** The bytes do not have the structure of a JPEG file; the message says where it breaks. */
public final class MalformedJpegException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJpegException(String message) {
        super(message);
    }
}
