package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteArrayImageStreamsTest {
    @Test
    void inputReadsOnlyTheGivenLengthThenEnds() throws IOException {
        byte[] bytes = {1, 2, 3, 4, 5};
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes, 3)) {
            byte[] read = new byte[5];
            assertEquals(3, in.read(read, 0, 5));
            assertArrayEquals(new byte[] {1, 2, 3, 0, 0}, read);
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(read, 0, 1));
            assertEquals(3, in.length());
        }
    }

    @Test
    void inputSeeksBackAndReadsBigEndianShorts() throws IOException {
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, 7}, 3)) {
            assertEquals(0xFFD8, in.readUnsignedShort());
            in.seek(1);
            assertEquals(0xD8, in.read());
        }
    }

    @Test
    void outputGrowsPastItsFirstArrayKeepingEveryByte() throws IOException {
        byte[] data = new byte[1000];
        Arrays.fill(data, (byte) 9);
        try (ByteArrayImageOutputStream out = new ByteArrayImageOutputStream(new byte[16])) {
            out.write(1);
            out.write(data, 0, data.length);
            assertEquals(1001, out.length());
            byte[] written = Arrays.copyOf(out.bytes(), (int) out.length());
            assertEquals(1, written[0]);
            assertArrayEquals(data, Arrays.copyOfRange(written, 1, 1001));
        }
    }

    @Test
    void outputOverwritesAfterSeekingBackWithoutShortening() throws IOException {
        try (ByteArrayImageOutputStream out = new ByteArrayImageOutputStream(new byte[8])) {
            out.write(new byte[] {1, 2, 3, 4}, 0, 4);
            out.seek(1);
            out.write(9);
            assertEquals(4, out.length());
            assertArrayEquals(new byte[] {1, 9, 3, 4}, Arrays.copyOf(out.bytes(), 4));
            out.seek(0);
            assertEquals(1, out.read());
        }
    }
}
