package udpvideo.sink;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records frames to a file, each exactly as sent or received, back to back. For JPEG frames that is an MJPEG
 * stream, which {@code ffplay -f mjpeg FILE} plays.
 *
 * <p>Replaces an existing file. Used by one thread at a time (the sending thread, or the receiver's sink thread);
 * the creator owns the sink and closes it, which flushes.
 */
public final class RecordingSink implements FrameSink {
    private final Path path;
    private final OutputStream out;
    private long frames;
    private boolean isClosed;

    /** Opens {@code path} for writing, replacing any file there. */
    public RecordingSink(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
    }

    /** Appends {@code frame[0, length)}; the picture is not needed. */
    @Override
    public void accept(byte[] frame, int length, BufferedImage picture) throws IOException {
        write(frame, length);
    }

    /** Appends one whole frame. */
    public void write(byte[] frame) throws IOException {
        write(frame, frame.length);
    }

    private void write(byte[] frame, int length) throws IOException {
        if (isClosed) {
            throw new IllegalStateException("recording " + path + " is closed; frame " + frames + " not written");
        }
        try {
            out.write(frame, 0, length);
        } catch (IOException e) {
            throw new IOException("cannot record frame " + frames + " to " + path + ": " + e.getMessage(), e);
        }
        frames++;
    }

    /** How many frames were written. */
    public long frames() {
        return frames;
    }

    @Override
    public String description() {
        return "recording " + path;
    }

    @Override
    public void close() throws IOException {
        isClosed = true;
        out.close();
    }
}
