package udpvideo.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --protocol} picks a packet format by name; the countdown stays the default. */
class PacketFormatsTest {
    @Test
    void theCountdownIsTheDefaultAndCutsFramesWithItsStamp() {
        PacketFormat countdown = PacketFormats.defaultFormat();
        assertEquals("countdown", countdown.name());
        assertEquals(12345, countdown.defaultPort());
        assertEquals(0, countdown.defaultWidth());
        assertTrue(countdown.carriesStamp());
        assertFalse(countdown.isFramePerDatagram());
        assertInstanceOf(CountdownPacketizer.class, countdown.newPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES));
        assertInstanceOf(CountdownDepacketizer.class, countdown.newDepacketizer((data, offset, length) -> true));
    }

    @Test
    void pyshineIsOneUnstampedDatagramAFrameOnItsTutorialsPortAndWidth() {
        PacketFormat pyshine = PacketFormats.named("pyshine");
        assertEquals(9688, pyshine.defaultPort());
        assertEquals(400, pyshine.defaultWidth());
        assertFalse(pyshine.carriesStamp());
        assertTrue(pyshine.isFramePerDatagram());
        assertInstanceOf(PyShinePacketizer.class, pyshine.newPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES));
        assertInstanceOf(PyShineDepacketizer.class, pyshine.newDepacketizer((data, offset, length) -> true));
    }

    @Test
    void anUnknownNameIsRefusedNamingTheFormatsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PacketFormats.named("rtp"));
        assertEquals("--protocol must be one of countdown|pyshine, was 'rtp'", e.getMessage());
    }
}
