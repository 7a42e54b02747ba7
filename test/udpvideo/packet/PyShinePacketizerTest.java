package udpvideo.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.codec.jpeg.TestJpegs;

/** PyShine's wire format on the sending side: a frame is one datagram holding its base64, and nothing else. */
class PyShinePacketizerTest {
    private final PyShinePacketizer packetizer = new PyShinePacketizer();

    /** A frame of {@code length} bytes that differ from their neighbours, so a misplaced byte shows. */
    private static byte[] frame(int length) {
        byte[] frame = new byte[length];
        new Random(length).nextBytes(frame);
        return frame;
    }

    /** The one datagram the packetizer writes for {@code frame[0, length)}. */
    private byte[] datagram(byte[] frame, int length) throws FrameTooLargeException {
        byte[] out = new byte[packetizer.maxPacketBytes()];
        int written = packetizer.writePacket(frame, length, 0, out);
        return Arrays.copyOf(out, written);
    }

    @Test
    void largestFrameIs49128BytesWhoseBase64FillsOneIpv4Datagram() throws Exception {
        assertEquals(65_507, packetizer.maxPacketBytes());
        assertEquals(49_128, PyShinePacketizer.MAX_FRAME_BYTES);
        assertEquals(49_128, packetizer.maxFrameBytes());
        byte[] largest = frame(PyShinePacketizer.MAX_FRAME_BYTES);
        assertEquals(1, packetizer.packetCount(largest.length));
        assertEquals(65_504, datagram(largest, largest.length).length, "4 bytes of base64 for every 3");
    }

    @Test
    void writesTheStandardPaddedBase64ThatPythonsB64encodeWrites() throws Exception {
        // base64.b64encode(b"\xff\xd8\xff\xfe\x00") == b"/9j//gA=": '/' and '=' as in RFC 4648's standard alphabet
        byte[] datagram = datagram(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0}, 5);
        assertEquals("/9j//gA=", new String(datagram, StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripsAJpegThroughTheDepacketizer() throws Exception {
        byte[] jpeg = TestJpegs.jpeg(160, 90, 7);
        byte[] datagram = datagram(jpeg, jpeg.length);
        PyShineDepacketizer depacketizer = new PyShineDepacketizer();
        assertEquals(Depacketizer.Step.COMPLETE, depacketizer.accept(datagram, 0, datagram.length));
        assertArrayEquals(jpeg, Arrays.copyOf(depacketizer.completedBuffer(), depacketizer.completedLength()));
        assertEquals(1, depacketizer.completedPackets());
    }

    @Test
    void sendsOnlyTheFramesFirstLengthBytesOfALargerBuffer() throws Exception {
        byte[] buffer = frame(1000);
        byte[] datagram = datagram(buffer, 600);
        PyShineDepacketizer depacketizer = new PyShineDepacketizer();
        depacketizer.accept(datagram, 0, datagram.length);
        assertArrayEquals(Arrays.copyOf(buffer, 600),
                Arrays.copyOf(depacketizer.completedBuffer(), depacketizer.completedLength()));
    }

    @ParameterizedTest
    @ValueSource(ints = {PyShinePacketizer.MAX_FRAME_BYTES + 1, 142_486})
    void refusesAFrameWhoseBase64WouldNotFitOneDatagram(int frameBytes) {
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> packetizer.packetCount(frameBytes));
        assertTrue(e.getMessage().contains("one datagram holds 65,507"), e.getMessage());
        assertTrue(e.advice().contains("--width"), e.advice());
        assertThrows(FrameTooLargeException.class,
                () -> packetizer.writePacket(new byte[frameBytes], frameBytes, 0, new byte[65_507]));
    }

    @Test
    void aFrameIsOnlyEverPacketZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> packetizer.writePacket(new byte[10], 10, 1, new byte[65_507]));
        assertEquals("a frame is one datagram, index 0, was 1", e.getMessage());
    }
}
