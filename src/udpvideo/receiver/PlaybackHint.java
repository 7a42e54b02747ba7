package udpvideo.receiver;

import java.nio.file.Path;
import java.util.Locale;
import udpvideo.codec.Codec;

/**
 * The command that plays a recording at the rate its frames were accepted. A recording is frames back to back and
 * carries no rate, so a player guesses one (ffplay's MJPEG reader takes 25 fps); the receiver knows the rate.
 */
final class PlaybackHint {
    private PlaybackHint() {
    }

    /**
     * "ffplay -f mjpeg -framerate 30 rec.mjpeg" for JPEG frames ({@code png_pipe} for PNG), or null when no player
     * reads the codec's frames back to back (raw) or fewer than two frames gave no rate.
     *
     * @param framesPerSecond frames accepted per second; 0 when unknown
     */
    static String command(Path recording, Codec codec, double framesPerSecond) {
        if (codec == null || framesPerSecond <= 0) {
            return null;
        }
        String format = switch (codec.name()) {
            case "jpeg" -> "mjpeg";
            case "png" -> "png_pipe";
            default -> null;
        };
        return format == null ? null
                : "ffplay -f " + format + " -framerate " + rate(framesPerSecond) + " " + quoted(recording.toString());
    }

    /**
     * Whole frames a second from 10 up (30 for 29.6: a measured rate jitters by a few tenths, senders' rates are
     * whole), tenths below (2.5): a recording plays as long as the stream ran, near enough.
     */
    static String rate(double framesPerSecond) {
        double rounded = framesPerSecond >= 10 ? Math.round(framesPerSecond) : Math.round(framesPerSecond * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** The path as a shell reads it back: in single quotes unless it is plain. */
    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./+,:=@%-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
