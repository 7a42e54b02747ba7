package udpvideo.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image sequence ({@code frame%03d.png}) through OpenCV: OpenCV says every one runs at 1 frame/s, a
 * placeholder, so the sender takes 30 unless {@code --fps} says otherwise. Also what a folder as the source says.
 */
@Timeout(60)
class ImageSequenceSourceTest {
    private static final int PICTURES = 3;

    @TempDir
    Path dir;

    @Test
    void imageSequencePlaysAtThirtyFramesPerSecondAndReadsEveryPicture() throws Exception {
        for (int i = 0; i < PICTURES; i++) {
            BufferedImage picture = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 32; x++) {
                    picture.setRGB(x, y, 0x102030 * (i + 1)); // lossless PNG: every pixel comes back as written
                }
            }
            assertTrue(ImageIO.write(picture, "png", dir.resolve(String.format("frame%03d.png", i)).toFile()));
        }
        try (FrameSource source = Sources.open(dir.resolve("frame%03d.png").toString(), null)) {
            assertEquals(30, source.naturalFramesPerSecond());
            for (int i = 0; i < PICTURES; i++) {
                BufferedImage frame = source.next();
                assertEquals(32, frame.getWidth(), "picture " + i);
                assertEquals(0x102030 * (i + 1), frame.getRGB(5, 5) & 0xFFFFFF, "picture " + i);
            }
            assertNull(source.next(), "the sequence ends after its last picture");
        }
    }

    @Test
    void folderAsTheSourceSaysItIsAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("pictures"));
        SourceException e = assertThrows(SourceException.class, () -> Sources.open(folder.toString(), null));
        assertTrue(e.getMessage().startsWith(folder + " is a directory, not a video file"), e.getMessage());
        assertTrue(e.getMessage().contains(folder.resolve("img%03d.jpg").toString()), e.getMessage());
    }
}
