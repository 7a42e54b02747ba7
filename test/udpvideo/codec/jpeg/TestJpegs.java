package udpvideo.codec.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import udpvideo.codec.jpeg.fast.JpegEncoder;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.packet.FrameTooLargeException;

/**
 * Real JPEG files and datagrams for tests, made by the project's own encoder from seeded images, so every run
 * sees the same bytes. Shared by the wire, codec and mjpeg tests.
 */
public final class TestJpegs {
    /** The quality the sender uses by default. */
    public static final int QUALITY = 80;

    private TestJpegs() {
    }

    /**
     * A gradient under seeded noise: the same arguments give the same pixels, different seeds different ones.
     * Noise compresses badly, so a 64x48 image is a JPEG of a few kilobytes: several segments of 512 bytes.
     */
    public static BufferedImage image(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = (x * 255 / Math.max(1, width - 1) + random.nextInt(96)) & 0xFF;
                int green = (y * 255 / Math.max(1, height - 1) + random.nextInt(96)) & 0xFF;
                int blue = random.nextInt(256);
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return image;
    }

    /** {@link #image} encoded by {@link JpegEncoder}: SOI, JFIF APP0, DQT, DQT, SOF0, DHT..., SOS, data, EOI. */
    public static byte[] jpeg(int width, int height, long seed) {
        try (JpegEncoder encoder = new JpegEncoder(QUALITY)) {
            return encoder.encode(image(width, height, seed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + width + "x" + height + " test image", e);
        }
    }

    /** {@link #jpeg} with our comment stamped into it, as the sender sends it. */
    public static byte[] stampedJpeg(int width, int height, long seed, long frameNumber, long captureTimeMicros) {
        byte[] jpeg = jpeg(width, height, seed);
        try {
            return new JpegCommentStamper().stamp(jpeg, jpeg.length, frameNumber, captureTimeMicros);
        } catch (MalformedJpegException e) {
            throw new IllegalStateException("the encoder wrote something that is not a JPEG", e);
        }
    }

    /** Every datagram the segmenter makes of {@code frame}, in sending order, each an array of its own length. */
    public static List<byte[]> datagrams(CountdownPacketizer segmenter, byte[] frame) {
        try {
            int count = segmenter.packetCount(frame.length);
            List<byte[]> datagrams = new ArrayList<>(count);
            byte[] out = new byte[segmenter.maxPacketBytes()];
            for (int i = 0; i < count; i++) {
                int length = segmenter.writePacket(frame, frame.length, i, out);
                datagrams.add(Arrays.copyOf(out, length));
            }
            return datagrams;
        } catch (FrameTooLargeException e) {
            throw new IllegalArgumentException("test frame of " + frame.length + " bytes is too large", e);
        }
    }

    /**
     * The smallest segmenter that cuts {@code frames[i]} into exactly {@code segments[i]} segments, for tests that
     * need frames of known segment counts made from real JPEGs of whatever size the encoder gave.
     */
    public static CountdownPacketizer segmenterGiving(int[] segments, byte[]... frames) {
        for (int size = CountdownPacketizer.MIN_SEGMENT_BYTES; size <= CountdownPacketizer.MAX_SEGMENT_BYTES; size++) {
            boolean fits = true;
            for (int i = 0; i < frames.length && fits; i++) {
                fits = (frames[i].length + size - 1) / size == segments[i];
            }
            if (fits) {
                return new CountdownPacketizer(size);
            }
        }
        throw new IllegalArgumentException("no segment size cuts frames of " + lengths(frames) + " bytes into "
                + Arrays.toString(segments) + " segments");
    }

    /** A copy of {@code jpeg} whose frame header (SOF0) declares another size; the image data is unchanged. */
    public static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int sof = indexOfMarker(copy, 0xC0);
        if (sof < 0) {
            throw new IllegalArgumentException("no SOF0 segment to patch");
        }
        // FF C0, length (2), precision (1), height (2), width (2)
        copy[sof + 5] = (byte) (height >> 8);
        copy[sof + 6] = (byte) height;
        copy[sof + 7] = (byte) (width >> 8);
        copy[sof + 8] = (byte) width;
        return copy;
    }

    /**
     * Offset of the first {@code FF marker} pair in the header (before SOS), or -1. Walks the segments rather than
     * searching the bytes, so a table value can never be mistaken for a marker.
     */
    public static int indexOfMarker(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int found = jpeg[pos + 1] & 0xFF;
            if (found == marker) {
                return pos;
            }
            if (found == JpegHeader.SOS) {
                return -1;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return -1;
    }

    /** {@code jpeg} with one segment {@code FF marker length payload} inserted at {@code offset}. */
    public static byte[] withSegment(byte[] jpeg, int offset, int marker, byte[] payload) {
        byte[] result = new byte[jpeg.length + 4 + payload.length];
        System.arraycopy(jpeg, 0, result, 0, offset);
        result[offset] = (byte) 0xFF;
        result[offset + 1] = (byte) marker;
        result[offset + 2] = (byte) ((payload.length + 2) >> 8);
        result[offset + 3] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, result, offset + 4, payload.length);
        System.arraycopy(jpeg, offset, result, offset + 4 + payload.length, jpeg.length - offset);
        return result;
    }

    /** {@code a} followed by {@code b}. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static String lengths(byte[]... frames) {
        int[] lengths = new int[frames.length];
        for (int i = 0; i < frames.length; i++) {
            lengths[i] = frames[i].length;
        }
        return Arrays.toString(lengths);
    }
}
