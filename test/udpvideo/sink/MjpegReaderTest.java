package udpvideo.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.codec.jpeg.TestJpegs;

class MjpegReaderTest {
    private static final byte[] FIRST = RecordingSinkTest.FRAMES.get(0);
    private static final byte[] SECOND = RecordingSinkTest.FRAMES.get(1);

    @TempDir
    Path folder;

    private static String splitFailure(byte[] data) {
        return assertThrows(IOException.class, () -> MjpegReader.split(data)).getMessage();
    }

    @Test
    void splitsConcatenatedJpegsAtEachEoiFollowedBySoi() throws IOException {
        List<byte[]> frames = MjpegReader.split(TestJpegs.concat(FIRST, SECOND));
        assertEquals(2, frames.size());
        assertArrayEquals(FIRST, frames.get(0));
        assertArrayEquals(SECOND, frames.get(1));
    }

    @Test
    void readsAFileOfConcatenatedJpegs() throws IOException {
        Path file = folder.resolve("r.mjpeg");
        Files.write(file, TestJpegs.concat(SECOND, FIRST));
        List<byte[]> frames = MjpegReader.readFrames(file);
        assertEquals(2, frames.size());
        assertArrayEquals(SECOND, frames.get(0));
        assertArrayEquals(FIRST, frames.get(1));
    }

    @Test
    void emptyDataHasNoFrames() throws IOException {
        assertEquals(0, MjpegReader.split(new byte[0]).size());
    }

    @Test
    void missingFileIsAnIoException() {
        assertThrows(IOException.class, () -> MjpegReader.readFrames(folder.resolve("absent.mjpeg")));
    }

    @Test
    void garbageIsRefusedWithWhereItBreaks() {
        byte[] garbage = new byte[1000];
        new Random(1).nextBytes(garbage);
        garbage[0] = 0x12;
        assertEquals("frame 0 at byte 0 does not start with SOI", splitFailure(garbage));
    }

    @Test
    void garbageAfterAFrameThatEndsTheDataIsRefused() {
        byte[] data = TestJpegs.concat(FIRST, new byte[] {(byte) 0xFF, (byte) 0xD9, 0x00});
        assertEquals("frame 0 at byte 0 has no EOI", splitFailure(data));
    }

    @Test
    void recordingCutInsideAFrameIsRefused() {
        byte[] data = TestJpegs.concat(FIRST, SECOND);
        byte[] cut = Arrays.copyOf(data, data.length - 10);
        assertEquals("frame 1 at byte " + FIRST.length + " has no EOI", splitFailure(cut));
    }

    @Test
    void recordingCutRightAfterSoiIsRefused() {
        byte[] cut = TestJpegs.concat(FIRST, new byte[] {(byte) 0xFF, (byte) 0xD8, 0x00});
        assertEquals("frame 1 at byte " + FIRST.length + " does not start with SOI", splitFailure(cut));
    }
}
