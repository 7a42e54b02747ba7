package udpvideo.cli;

/** How udpvideo's programs end, as seen by a shell. */
public enum ExitCode {
    /** Finished as asked: end of source, --frames or --duration reached, window closed. */
    OK(0),
    /** Something broke while running. */
    FAILURE(1),
    /** Bad options, or a setup the user must fix: no camera, unreadable file, port in use. */
    USAGE(2);

    /** The process exit status. */
    public final int status;

    ExitCode(int status) {
        this.status = status;
    }
}
