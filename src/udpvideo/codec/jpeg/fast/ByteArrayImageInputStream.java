package udpvideo.codec.jpeg.fast;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * ImageIO's view of a JPEG already in memory, read in place. ImageIO's own {@code MemoryCacheImageInputStream}
 * copies every byte it reads into a cache of its own first: a third of all the receiver's allocation, and one more
 * pass over every frame. One thread reads it.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
    private final byte[] bytes;
    private final int length;

    /** A stream of {@code bytes[0, length)}. */
    ByteArrayImageInputStream(byte[] bytes, int length) {
        Objects.checkFromIndexSize(0, length, bytes.length);
        this.bytes = bytes;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < length ? bytes[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        checkClosed();
        bitOffset = 0;
        int n = copyOut(bytes, length, streamPos, buffer, offset, count);
        streamPos += Math.max(0, n);
        return n;
    }

    /**
     * Copies up to {@code count} bytes of {@code bytes[0, length)} from {@code position} into {@code buffer}: how
     * many it copied, or -1 at the end. The reading half of both byte-array streams.
     */
    static int copyOut(byte[] bytes, int length, long position, byte[] buffer, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, buffer.length);
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        System.arraycopy(bytes, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public long length() {
        return length;
    }
}
