package udpvideo.source;

/** A source cannot be opened: no camera, no such file, a format this build cannot read, no display. */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A source failure whose message is the one line shown to the user. */
    public SourceException(String message) {
        super(message);
    }
}
