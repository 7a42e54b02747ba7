package udpvideo.mjpeg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records frames to a file as a concatenated MJPEG stream: each JPEG exactly as sent or received, back to back,
 * so that {@code ffplay -f mjpeg FILE} plays it and {@link MjpegReader} splits it again.
 *
 * <p>Replaces an existing file. Thread-safe: the receiver records from more than one thread. The creator owns
 * the writer and closes it, which flushes.
 */
public final class MjpegWriter implements AutoCloseable {
    private final Path path;
    private final OutputStream out;
    private long frames;
    private boolean isClosed;

    /** Opens {@code path} for writing, replacing any file there. */
    public MjpegWriter(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
    }

    /** Appends one JPEG. */
    public void write(byte[] jpeg) {
        write(jpeg, jpeg.length);
    }

    /** Appends the JPEG in {@code jpeg[0, length)}. */
    public synchronized void write(byte[] jpeg, int length) {
        if (isClosed) {
            throw new IllegalStateException("recording " + path + " is closed; frame " + frames + " not written");
        }
        try {
            out.write(jpeg, 0, length);
            frames++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record frame " + frames + " to " + path, e);
        }
    }

    /** How many frames were written. */
    public synchronized long frames() {
        return frames;
    }

    @Override
    public synchronized void close() throws IOException {
        isClosed = true;
        out.close();
    }
}
