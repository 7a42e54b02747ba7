package udpvideo.sink;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /**
     * Opens {@code path} for writing, replacing any file there.
     *
     * @throws IOException whose message is the reason alone ("its directory does not exist"), for the caller to
     *                     put after the path
     */
    public RecordingSink(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(open(path), 1 << 20);
    }

    private static OutputStream open(Path path) throws IOException {
        try {
            return Files.newOutputStream(path);
        } catch (NoSuchFileException e) {
            throw new IOException("its directory does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        } catch (FileSystemException e) {
            // the message of one is only the path; its reason is what the system said ("Is a directory")
            throw new IOException(e.getReason() != null ? e.getReason() : e.toString(), e);
        }
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
