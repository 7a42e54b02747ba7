package udpvideo.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a concatenated MJPEG stream, as {@link RecordingSink} records it, back into its JPEG files.
 *
 * <p>A frame ends at an EOI marker (FF D9) that is followed by the next SOI (FF D8) or by the end of the data.
 * Inside compressed data an FF byte is always followed by 00 or a restart marker, so FF D9 cannot occur there;
 * it could only occur inside an embedded thumbnail, which neither ImageIO nor OpenCV writes.
 */
public final class MjpegReader {
    private MjpegReader() {
    }

    /** Reads a whole recording. */
    public static List<byte[]> readFrames(Path path) throws IOException {
        return split(Files.readAllBytes(path));
    }

    /**
     * Splits concatenated JPEGs.
     *
     * @throws IOException when the data does not start with SOI or ends inside a frame
     */
    public static List<byte[]> split(byte[] data) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            if (data.length - start < 4 || (data[start] & 0xFF) != 0xFF || (data[start + 1] & 0xFF) != 0xD8) {
                throw new IOException("frame " + frames.size() + " at byte " + start + " does not start with SOI");
            }
            int end = endOfFrame(data, start + 2);
            if (end < 0) {
                throw new IOException("frame " + frames.size() + " at byte " + start + " has no EOI");
            }
            frames.add(Arrays.copyOfRange(data, start, end));
            start = end;
        }
        return frames;
    }

    /** Offset just past the EOI that ends the frame, or -1. */
    private static int endOfFrame(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD9) {
                int end = i + 2;
                boolean nextIsSoi = end + 1 < data.length
                        && (data[end] & 0xFF) == 0xFF && (data[end + 1] & 0xFF) == 0xD8;
                if (end == data.length || nextIsSoi) {
                    return end;
                }
            }
        }
        return -1;
    }
}
