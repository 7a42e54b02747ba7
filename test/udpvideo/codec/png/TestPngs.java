package udpvideo.codec.png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import udpvideo.codec.BigEndian;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.jpeg.TestJpegs;

/** Real PNG frames for tests, made by the codec's own encoder from {@link TestJpegs#image}'s seeded noise. */
final class TestPngs {
    private TestPngs() {
    }

    /** {@link TestJpegs#image} encoded by {@link PngEncoder}: signature, IHDR, IDAT..., IEND. */
    static byte[] png(int width, int height, long seed) {
        return encode(TestJpegs.image(width, height, seed));
    }

    static byte[] encode(BufferedImage image) {
        try (PngEncoder encoder = new PngEncoder()) {
            return encoder.encode(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a test PNG", e);
        }
    }

    /** {@link #png} stamped as the sender stamps it. */
    static byte[] stampedPng(int width, int height, long seed, long frameNumber, long captureTimeMicros) {
        byte[] png = png(width, height, seed);
        try {
            return new PngStamper().stamp(png, png.length, frameNumber, captureTimeMicros);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("the encoder wrote something that is not a PNG", e);
        }
    }

    /** A copy of {@code png} whose IHDR declares another size, its CRC fixed so that only the size is wrong. */
    static byte[] withDeclaredSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        int data = PngChunks.SIGNATURE.length + 8;
        BigEndian.writeInt(copy, data, width);
        BigEndian.writeInt(copy, data + 4, height);
        fixCrc(copy, PngChunks.SIGNATURE.length);
        return copy;
    }

    /** {@code png} with the chunk {@code type, data} (CRC included) inserted at {@code offset}. */
    static byte[] withChunk(byte[] png, int offset, String type, byte[] data) {
        byte[] chunk = new byte[PngChunks.OVERHEAD_BYTES + data.length];
        PngChunks.write(chunk, 0, BigEndian.readInt(type.getBytes(StandardCharsets.US_ASCII), 0), data);
        byte[] result = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, result, 0, offset);
        System.arraycopy(chunk, 0, result, offset, chunk.length);
        System.arraycopy(png, offset, result, offset + chunk.length, png.length - offset);
        return result;
    }

    /** Recomputes the CRC of the chunk at {@code chunkAt} after a test changed its data. */
    static void fixCrc(byte[] png, int chunkAt) {
        int dataLength = BigEndian.readInt(png, chunkAt);
        BigEndian.writeInt(png, chunkAt + 8 + dataLength, PngChunks.crc(png, chunkAt + 4, dataLength));
    }

    /** Where the chunk after the one at {@code chunkAt} begins. */
    static int nextChunk(byte[] png, int chunkAt) {
        return chunkAt + PngChunks.OVERHEAD_BYTES + BigEndian.readInt(png, chunkAt);
    }
}
