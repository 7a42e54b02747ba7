package udpvideo.codec;

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
        Objects.checkFromIndexSize(offset, count, buffer.length);
        bitOffset = 0;
        if (count == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - streamPos);
        System.arraycopy(bytes, (int) streamPos, buffer, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }
}
