package udpvideo.cli;

/** The user asked for something that cannot work; the message is the one line to show them. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A usage error with the message shown to the user. */
    public UsageException(String message) {
        super(message);
    }

    /** A usage error caused by a lower-level failure, such as a port already in use. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
