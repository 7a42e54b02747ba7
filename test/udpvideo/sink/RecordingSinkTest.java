package udpvideo.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.codec.jpeg.TestJpegs;

class RecordingSinkTest {
    /** Plain and stamped JPEGs of several sizes, as a sender or a tutorial stream would record. */
    static final List<byte[]> FRAMES = List.of(
            TestJpegs.jpeg(64, 48, 1),
            TestJpegs.stampedJpeg(64, 48, 2, 1, 1_000),
            TestJpegs.jpeg(16, 16, 3),
            TestJpegs.stampedJpeg(320, 240, 4, 3, 3_000));

    @TempDir
    Path folder;

    private Path record(List<byte[]> frames) throws IOException {
        Path file = folder.resolve("r.mjpeg");
        try (RecordingSink writer = new RecordingSink(file)) {
            for (byte[] frame : frames) {
                writer.write(frame);
            }
        }
        return file;
    }

    @Test
    void recordedFramesReadBackByteIdentical() throws IOException {
        List<byte[]> read = MjpegReader.readFrames(record(FRAMES));
        assertEquals(FRAMES.size(), read.size(), "frame count");
        for (int i = 0; i < FRAMES.size(); i++) {
            assertArrayEquals(FRAMES.get(i), read.get(i), "frame " + i);
        }
    }

    @Test
    void recordingIsTheFramesBackToBack() throws IOException {
        byte[] expected = new byte[0];
        for (byte[] frame : FRAMES) {
            expected = TestJpegs.concat(expected, frame);
        }
        assertArrayEquals(expected, Files.readAllBytes(record(FRAMES)));
    }

    @Test
    void countsTheFramesWritten() throws IOException {
        try (RecordingSink writer = new RecordingSink(folder.resolve("r.mjpeg"))) {
            writer.write(FRAMES.get(0));
            writer.write(FRAMES.get(1));
            assertEquals(2, writer.frames());
        }
    }

    @Test
    void recordingReplacesAnOldFile() throws IOException {
        Path file = folder.resolve("r.mjpeg");
        Files.write(file, new byte[100_000]);
        record(FRAMES.subList(0, 1));
        assertArrayEquals(FRAMES.get(0), Files.readAllBytes(file));
    }

    @Test
    void openingAFileInAMissingFolderFails() {
        assertThrows(IOException.class, () -> new RecordingSink(folder.resolve("absent/r.mjpeg")));
    }

    @Test
    void writingAfterCloseFailsInsteadOfLosingTheFrame() throws IOException {
        RecordingSink writer = new RecordingSink(folder.resolve("closed.mjpeg"));
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.write(FRAMES.get(0)));
        assertEquals(0, writer.frames(), "a frame that was not written is not counted");
    }
}
