package udpvideo.cli;

/**
 * The program ran as asked but could not do its job (a sender that could send no frame at all); the message is
 * the one line to show, and the program exits with {@link ExitCode#FAILURE}.
 */
public final class RunFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with the message shown to the user. */
    public RunFailedException(String message) {
        super(message);
    }
}
