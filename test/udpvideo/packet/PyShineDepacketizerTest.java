package udpvideo.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.codec.jpeg.TestJpegs;

/** PyShine's wire format on the receiving side: each datagram decoded on its own, bad base64 rejected with why. */
class PyShineDepacketizerTest {
    private final PyShineDepacketizer depacketizer = new PyShineDepacketizer();

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] completed() {
        return Arrays.copyOf(depacketizer.completedBuffer(), depacketizer.completedLength());
    }

    @Test
    void everyDatagramIsAFrameOfItsOwn() {
        byte[] first = TestJpegs.jpeg(160, 90, 1);
        byte[] second = TestJpegs.jpeg(160, 90, 2);
        byte[] one = Base64.getEncoder().encode(first);
        byte[] two = Base64.getEncoder().encode(second);
        assertEquals(Depacketizer.Step.COMPLETE, depacketizer.accept(one, 0, one.length));
        assertArrayEquals(first, completed());
        assertEquals(Depacketizer.Step.COMPLETE, depacketizer.accept(two, 0, two.length));
        assertArrayEquals(second, completed());
        assertEquals(0, depacketizer.incompleteFrames(), "a frame of one datagram is never partial");
        assertNull(depacketizer.rejectionReason());
    }

    @Test
    void readsTheDatagramWhereItLiesInALargerBuffer() {
        byte[] buffer = new byte[100];
        byte[] base64 = ascii("/9j/2Q=="); // FF D8 FF D9
        System.arraycopy(base64, 0, buffer, 10, base64.length);
        assertEquals(Depacketizer.Step.COMPLETE, depacketizer.accept(buffer, 10, base64.length));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, completed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "/9j/2Q==\n", "/9j/ 2Q==", "/9j-2Q==", "/9j/2Q=x", "\u00ff\u00d8\u00ff\u00d9"})
    void rejectsWhatIsNotValidBase64WithTheReason(String datagram) {
        byte[] bytes = datagram.getBytes(StandardCharsets.ISO_8859_1); // the last: a raw JPEG's bytes, not base64
        assertEquals(Depacketizer.Step.REJECTED, depacketizer.accept(bytes, 0, bytes.length));
        assertTrue(depacketizer.rejectionReason().startsWith("not valid base64: "), depacketizer.rejectionReason());
        assertThrows(IllegalStateException.class, depacketizer::completedBuffer);
    }

    @Test
    void rejectsBase64OfNothing() {
        byte[] padding = ascii("==");
        assertEquals(Depacketizer.Step.REJECTED, depacketizer.accept(padding, 0, padding.length));
        assertTrue(depacketizer.rejectionReason() != null, "a reason is given");
    }

    @Test
    void anEmptyDatagramIsGarbage() {
        assertEquals(Depacketizer.Step.GARBAGE, depacketizer.accept(new byte[8], 0, 0));
        assertNull(depacketizer.rejectionReason());
    }

    @Test
    void aRejectionIsForgottenAtTheNextGoodDatagram() {
        byte[] bad = ascii("Hello");
        byte[] good = ascii("/9j/2Q==");
        depacketizer.accept(bad, 0, bad.length);
        assertEquals(Depacketizer.Step.COMPLETE, depacketizer.accept(good, 0, good.length));
        assertNull(depacketizer.rejectionReason());
    }
}
