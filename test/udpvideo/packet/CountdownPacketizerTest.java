package udpvideo.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.codec.jpeg.TestJpegs;

class CountdownPacketizerTest {
    private static final int MAX = CountdownPacketizer.MAX_SEGMENT_BYTES;
    private final CountdownPacketizer segmenter = new CountdownPacketizer(MAX);

    /** A frame of {@code length} bytes that differ from their neighbours, so a misplaced byte shows. */
    private static byte[] frame(int length) {
        byte[] frame = new byte[length];
        new Random(length).nextBytes(frame);
        return frame;
    }

    /** The countdown bytes of every datagram, unsigned. */
    private static int[] countdowns(List<byte[]> datagrams) {
        return datagrams.stream().mapToInt(d -> d[0] & 0xFF).toArray();
    }

    /** The datagrams' lengths, countdown byte included. */
    private static int[] lengths(List<byte[]> datagrams) {
        return datagrams.stream().mapToInt(d -> d.length).toArray();
    }

    /** What a receiver gets back by dropping each countdown byte and concatenating. */
    private static byte[] payloads(List<byte[]> datagrams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] datagram : datagrams) {
            out.write(datagram, CountdownPacketizer.HEADER_BYTES, datagram.length - CountdownPacketizer.HEADER_BYTES);
        }
        return out.toByteArray();
    }

    @Test
    void maximumSegmentIsTheTutorials65472Bytes() {
        assertEquals(65_472, CountdownPacketizer.MAX_SEGMENT_BYTES);
        assertEquals(65_473, segmenter.maxPacketBytes());
        assertTrue(segmenter.maxPacketBytes() <= 65_507, "must fit the largest UDP payload over IPv4");
    }

    @Test
    void oneByteFrameIsOneDatagramWithCountdownOne() throws Exception {
        byte[] frame = {42};
        List<byte[]> datagrams = TestJpegs.datagrams(segmenter, frame);
        assertEquals(1, segmenter.packetCount(1));
        assertEquals(1, datagrams.size());
        assertArrayEquals(new byte[] {1, 42}, datagrams.get(0));
    }

    @Test
    void frameOfExactly65472BytesIsOneFullDatagram() throws Exception {
        byte[] frame = frame(MAX);
        List<byte[]> datagrams = TestJpegs.datagrams(segmenter, frame);
        assertEquals(1, segmenter.packetCount(MAX));
        assertArrayEquals(new int[] {1}, countdowns(datagrams));
        assertArrayEquals(new int[] {MAX + 1}, lengths(datagrams));
        assertArrayEquals(frame, payloads(datagrams));
    }

    @Test
    void frameOf65473BytesIsAFullDatagramAndAOneByteDatagram() throws Exception {
        byte[] frame = frame(MAX + 1);
        List<byte[]> datagrams = TestJpegs.datagrams(segmenter, frame);
        assertEquals(2, segmenter.packetCount(MAX + 1));
        assertArrayEquals(new int[] {2, 1}, countdowns(datagrams));
        assertArrayEquals(new int[] {MAX + 1, 2}, lengths(datagrams));
        assertArrayEquals(frame, payloads(datagrams));
    }

    @Test
    void frameOfExactly255FullSegmentsFits() throws Exception {
        int length = 255 * MAX;
        assertEquals(255, segmenter.packetCount(length));
        List<byte[]> datagrams = TestJpegs.datagrams(segmenter, frame(length));
        assertEquals(255, datagrams.size());
        assertEquals(255, datagrams.get(0)[0] & 0xFF, "the first countdown is 255, not a wrapped -1");
        assertEquals(MAX + 1, datagrams.get(254).length, "the last segment is full too");
    }

    @Test
    void frameNeeding256SegmentsIsTooLarge() {
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> segmenter.packetCount(255 * MAX + 1));
        assertTrue(e.getMessage().contains("needs 256 segments"), e.getMessage());
        assertTrue(e.getMessage().contains("allows 255"), e.getMessage());
    }

    @Test
    void writingADatagramOfATooLargeFrameFails() {
        byte[] frame = new byte[255 * MAX + 1];
        byte[] out = new byte[segmenter.maxPacketBytes()];
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> segmenter.writePacket(frame, frame.length, 0, out));
        assertTrue(e.getMessage().contains("256 segments"), e.getMessage());
    }

    @Test
    void hugeFrameIsTooLargeRatherThanANegativeSegmentCount() {
        // frameBytes + segmentBytes - 1 overflows int for frames within 65,471 bytes of Integer.MAX_VALUE
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> segmenter.packetCount(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("allows 255"), e.getMessage());
    }

    @Test
    void countdownRunsFromSegmentCountDownToOne() {
        List<byte[]> datagrams = TestJpegs.datagrams(new CountdownPacketizer(512), frame(5 * 512 - 7));
        assertArrayEquals(new int[] {5, 4, 3, 2, 1}, countdowns(datagrams));
    }

    @Test
    void smallerSegmentSizeCutsSegmentsOfThatSize() {
        List<byte[]> datagrams = TestJpegs.datagrams(new CountdownPacketizer(512), frame(1025));
        assertArrayEquals(new int[] {3, 2, 1}, countdowns(datagrams));
        assertArrayEquals(new int[] {513, 513, 2}, lengths(datagrams));
    }

    @Test
    void smallestSegmentSizeStillAllows255Segments() throws Exception {
        CountdownPacketizer smallest = new CountdownPacketizer(CountdownPacketizer.MIN_SEGMENT_BYTES);
        assertEquals(255, smallest.packetCount(255 * 512));
        assertThrows(FrameTooLargeException.class, () -> smallest.packetCount(255 * 512 + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 513, 1000, 1400, 8192, 9216, 65_471, 65_472})
    void payloadsConcatenateBackToTheFrame(int segmentBytes) {
        CountdownPacketizer cutter = new CountdownPacketizer(segmentBytes);
        Random random = new Random(segmentBytes);
        for (int length : new int[] {1, segmentBytes - 1, segmentBytes, segmentBytes + 1, 3 * segmentBytes,
                1 + random.nextInt(CountdownPacketizer.MAX_SEGMENTS * segmentBytes)}) {
            byte[] frame = frame(length);
            List<byte[]> datagrams = TestJpegs.datagrams(cutter, frame);
            assertArrayEquals(frame, payloads(datagrams), "frame of " + length + " bytes");
            for (byte[] datagram : datagrams) {
                assertTrue(datagram.length <= segmentBytes + 1, "datagram of " + datagram.length + " bytes");
            }
        }
    }

    @Test
    void onlyTheFirstFrameLengthBytesAreSent() throws Exception {
        byte[] buffer = frame(2000);
        byte[] out = new byte[segmenter.maxPacketBytes()];
        int length = segmenter.writePacket(buffer, 700, 0, out);
        assertEquals(701, length);
        assertArrayEquals(Arrays.copyOf(buffer, 700), Arrays.copyOfRange(out, 1, 701));
    }

    @Test
    void segmentSizeBelow512IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CountdownPacketizer(511));
        assertEquals("segment size must be 512..65472, was 511", e.getMessage());
    }

    @Test
    void segmentSizeAbove65472IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CountdownPacketizer(65_473));
        assertEquals("segment size must be 512..65472, was 65473", e.getMessage());
    }

    @Test
    void emptyFrameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segmenter.packetCount(0));
        assertEquals("a frame must have at least 1 byte, was 0", e.getMessage());
    }

    @Test
    void datagramIndexPastTheLastIsRefused() {
        byte[] frame = frame(1025);
        CountdownPacketizer cutter = new CountdownPacketizer(512);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cutter.writePacket(frame, frame.length, 3, new byte[cutter.maxPacketBytes()]));
        assertEquals("datagram index must be 0..2, was 3", e.getMessage());
    }

    @Test
    void negativeDatagramIndexIsRefused() {
        byte[] frame = frame(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> segmenter.writePacket(frame, frame.length, -1, new byte[segmenter.maxPacketBytes()]));
        assertEquals("datagram index must be 0..0, was -1", e.getMessage());
    }
}
