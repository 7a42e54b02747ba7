package udpvideo.codec.jpeg.fast;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * Where ImageIO writes a JPEG: straight into a byte array that grows as needed. ImageIO's own
 * {@code MemoryCacheImageOutputStream} writes into cache blocks, which then have to be copied out again. The writer
 * may seek back and overwrite, and read what it wrote, so both are supported. One thread writes it.
 */
final class ByteArrayImageOutputStream extends ImageOutputStreamImpl {
    private byte[] bytes;
    /** Bytes written so far: the furthest position reached. */
    private int length;

    /** A stream that writes into {@code buffer} from its start, replacing it by a larger one when it is full. */
    ByteArrayImageOutputStream(byte[] buffer) {
        this.bytes = buffer;
    }

    /** The array written into: the one given, or a larger one that replaced it. Bytes {@code [0, length())}. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void write(int b) throws IOException {
        checkClosed();
        flushBits(); // a byte after bits written one by one starts at the next byte boundary
        ensureRoom(1);
        bytes[(int) streamPos++] = (byte) b;
        length = Math.max(length, (int) streamPos);
    }

    @Override
    public void write(byte[] buffer, int offset, int count) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, count, buffer.length);
        flushBits();
        ensureRoom(count);
        System.arraycopy(buffer, offset, bytes, (int) streamPos, count);
        streamPos += count;
        length = Math.max(length, (int) streamPos);
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
        int n = ByteArrayImageInputStream.copyOut(bytes, length, streamPos, buffer, offset, count);
        streamPos += Math.max(0, n);
        return n;
    }

    private void ensureRoom(int count) throws IOException {
        long needed = streamPos + count;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IOException("a JPEG over 2 GB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
        }
    }
}
