package udpvideo.source;

/**
 * Loads OpenCV's native library once, on first use, so that senders of the test pattern or the screen (and
 * the receiver) never pay the half second it takes.
 */
final class OpenCvLibrary {
    private static boolean isLoaded;

    private OpenCvLibrary() {
    }

    /** Loads the library bundled in the openpnp jar (unpacked to a temporary folder it removes at exit). */
    static synchronized void load() throws SourceException {
        if (isLoaded) {
            return;
        }
        try {
            nu.pattern.OpenCV.loadLocally();
        } catch (RuntimeException | LinkageError e) {
            throw new SourceException("cannot load OpenCV's native library for this platform: " + e.getMessage());
        }
        isLoaded = true;
    }
}
