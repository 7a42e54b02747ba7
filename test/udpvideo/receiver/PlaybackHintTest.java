package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import udpvideo.codec.Codecs;

class PlaybackHintTest {
    @Test
    void jpegPlaysAsMjpegAtTheAcceptedRate() {
        assertEquals("ffplay -f mjpeg -framerate 30 rec.mjpeg",
                PlaybackHint.command(Path.of("rec.mjpeg"), Codecs.named("jpeg"), 29.7));
    }

    @Test
    void pngPlaysAsAPngPipe() {
        assertEquals("ffplay -f png_pipe -framerate 12 /tmp/r.bin",
                PlaybackHint.command(Path.of("/tmp/r.bin"), Codecs.named("png"), 12.4));
    }

    @Test
    void rawHasNoPlayer() {
        assertNull(PlaybackHint.command(Path.of("r.bin"), Codecs.named("raw"), 30));
    }

    @Test
    void noRateNoHint() {
        assertNull(PlaybackHint.command(Path.of("r.mjpeg"), Codecs.named("jpeg"), 0));
        assertNull(PlaybackHint.command(Path.of("r.mjpeg"), null, 30));
    }

    @Test
    void roundsToWholeFramesFromTenAndToTenthsBelow() {
        assertEquals("30", PlaybackHint.rate(30.4));
        assertEquals("10", PlaybackHint.rate(9.96));
        assertEquals("2.5", PlaybackHint.rate(2.46));
        assertEquals("1", PlaybackHint.rate(1.01));
    }

    @Test
    void quotesAPathTheShellWouldSplit() {
        assertEquals("ffplay -f mjpeg -framerate 25 'my rec'\\''s.mjpeg'",
                PlaybackHint.command(Path.of("my rec's.mjpeg"), Codecs.named("jpeg"), 25));
    }
}
