package udpvideo.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpvideo.codec.Codecs;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;
import udpvideo.codec.jpeg.TestJpegs;

class CountdownDepacketizerTest {
    /** Three stamped frames of the same size, as the sender makes them. */
    private static final byte[] A = TestJpegs.stampedJpeg(64, 48, 1, 0, 1_763_700_000_000_000L);
    private static final byte[] B = TestJpegs.stampedJpeg(64, 48, 2, 1, 1_763_700_000_033_333L);
    private static final byte[] C = TestJpegs.stampedJpeg(64, 48, 3, 2, 1_763_700_000_066_666L);
    /** Cuts each of A, B and C into exactly four segments. */
    private static final CountdownPacketizer FOUR = TestJpegs.segmenterGiving(new int[] {4, 4, 4}, A, B, C);

    /** Random datagrams are shorter than this; some are longer than a 512-byte segment's datagram. */
    private static final int MAX_NOISE_BYTES = 600;

    private final CountdownDepacketizer assembler = new CountdownDepacketizer(Codecs::startsAnyFrame);
    private final FrameInspector inspector = new FrameInspector();

    private static List<byte[]> datagrams(byte[] frame) {
        return TestJpegs.datagrams(FOUR, frame);
    }

    /** The datagrams of {@code frame} in the order of {@code indexes}, which may skip or repeat some. */
    private static List<byte[]> datagrams(byte[] frame, int... indexes) {
        List<byte[]> all = datagrams(frame);
        List<byte[]> picked = new ArrayList<>();
        for (int index : indexes) {
            picked.add(all.get(index));
        }
        return picked;
    }

    /** The frame just completed, in an array of its own. */
    private byte[] completed() {
        return Arrays.copyOf(assembler.completedBuffer(), assembler.completedLength());
    }

    private CountdownDepacketizer.Step accept(byte[] datagram) {
        return assembler.accept(datagram, 0, datagram.length);
    }

    /** Feeds every datagram and returns the frames completed, in order. */
    private List<byte[]> feed(List<byte[]> datagrams) {
        List<byte[]> completed = new ArrayList<>();
        for (byte[] datagram : datagrams) {
            if (accept(datagram) == CountdownDepacketizer.Step.COMPLETE) {
                completed.add(completed());
            }
        }
        return completed;
    }

    @SafeVarargs
    private static List<byte[]> join(List<byte[]>... parts) {
        List<byte[]> joined = new ArrayList<>();
        for (List<byte[]> part : parts) {
            joined.addAll(part);
        }
        return joined;
    }

    private Verdict.Kind verdict(byte[] frame) {
        return inspector.inspect(frame, frame.length).kind();
    }

    @Test
    void framesAreCutIntoFourSegments() {
        assertEquals(4, datagrams(A).size());
        assertEquals(4, datagrams(B).size());
    }

    @Test
    void completesFrameWhenSegmentsArriveInOrder() {
        List<byte[]> datagrams = datagrams(A);
        assertEquals(CountdownDepacketizer.Step.PARTIAL, accept(datagrams.get(0)));
        assertEquals(CountdownDepacketizer.Step.PARTIAL, accept(datagrams.get(1)));
        assertEquals(CountdownDepacketizer.Step.PARTIAL, accept(datagrams.get(2)));
        assertEquals(CountdownDepacketizer.Step.COMPLETE, accept(datagrams.get(3)));
        assertArrayEquals(A, completed());
        assertEquals(4, assembler.completedPackets());
        assertEquals(0, assembler.incompleteFrames());
    }

    @Test
    void completesConsecutiveFramesByteIdentical() {
        List<byte[]> completed = feed(join(datagrams(A), datagrams(B), datagrams(C)));
        assertEquals(3, completed.size());
        assertArrayEquals(A, completed.get(0));
        assertArrayEquals(B, completed.get(1));
        assertArrayEquals(C, completed.get(2));
        assertEquals(0, assembler.incompleteFrames());
    }

    @Test
    void completesOneSegmentFrameAtOnce() {
        List<byte[]> datagrams = TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES), A);
        assertEquals(1, datagrams.size());
        assertEquals(CountdownDepacketizer.Step.COMPLETE, accept(datagrams.get(0)));
        assertArrayEquals(A, completed());
        assertEquals(1, assembler.completedPackets());
    }

    @Test
    void completesFrameLargerThanTheInitialBuffer() {
        byte[] large = new byte[5 * CountdownPacketizer.MAX_SEGMENT_BYTES + 3];
        new Random(7).nextBytes(large);
        large[0] = (byte) 0xFF; // a frame starts with SOI, or the assembler takes it for a lost frame's tail
        large[1] = (byte) 0xD8;
        List<byte[]> completed = feed(TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES), large));
        assertEquals(1, completed.size());
        assertArrayEquals(large, completed.get(0));
        assertEquals(6, assembler.completedPackets());
    }

    @Test
    void readsOnlyTheGivenRangeOfTheReceiveBuffer() {
        byte[] receiveBuffer = new byte[FOUR.maxPacketBytes() + 20];
        Arrays.fill(receiveBuffer, (byte) 0x5A);
        CountdownDepacketizer.Step step = null;
        for (byte[] datagram : datagrams(A)) {
            System.arraycopy(datagram, 0, receiveBuffer, 7, datagram.length);
            step = assembler.accept(receiveBuffer, 7, datagram.length);
        }
        assertEquals(CountdownDepacketizer.Step.COMPLETE, step);
        assertArrayEquals(A, completed());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void neverDeliversAnAcceptableWrongFrameWhenOneSegmentIsLost(int lost) {
        List<byte[]> partOfA = new ArrayList<>(datagrams(A));
        partOfA.remove(lost);
        List<byte[]> completed = feed(join(partOfA, datagrams(B)));
        // The assembler may complete a tail of A (its countdown looks like a shorter frame's), but never A, and
        // nothing but B survives the inspector.
        List<byte[]> acceptable = new ArrayList<>();
        for (byte[] frame : completed) {
            assertFalse(Arrays.equals(A, frame), "A cannot be whole without segment " + lost);
            if (verdict(frame) != Verdict.Kind.REJECTED) {
                acceptable.add(frame);
            }
        }
        assertEquals(1, acceptable.size(), "only B");
        assertArrayEquals(B, acceptable.get(0));
    }

    @Test
    void countsTheFrameIncompleteWhenAMiddleSegmentIsLost() {
        feed(datagrams(A, 0, 2));
        assertEquals(1, assembler.incompleteFrames());
    }

    @Test
    void countsTheFrameIncompleteWhenItsLastSegmentIsLostAndTheNextFrameStarts() {
        feed(datagrams(A, 0, 1, 2));
        assertThrows(IllegalStateException.class, assembler::completedBuffer, "still waiting for A's last segment");
        assertEquals(0, assembler.incompleteFrames());
        List<byte[]> completed = feed(datagrams(B));
        assertEquals(1, assembler.incompleteFrames());
        assertEquals(1, completed.size());
        assertArrayEquals(B, completed.get(0));
    }

    @Test
    void completesASpliceWhenTheLastSegmentOfOneFrameAndTheFirstOfTheNextAreLost() {
        byte[] first = TestJpegs.stampedJpeg(64, 48, 11, 10, 1_000);
        byte[] second = TestJpegs.stampedJpeg(64, 48, 12, 11, 2_000);
        CountdownPacketizer two = TestJpegs.segmenterGiving(new int[] {2, 2}, first, second);
        List<byte[]> completed = feed(List.of(
                TestJpegs.datagrams(two, first).get(0), TestJpegs.datagrams(two, second).get(1)));

        assertEquals(1, completed.size(), "the countdown ran 2, 1 without a gap");
        byte[] splice = completed.get(0);
        int segmentBytes = TestJpegs.datagrams(two, first).get(0).length - 1; // a full first segment
        byte[] expected = TestJpegs.concat(Arrays.copyOf(first, segmentBytes),
                Arrays.copyOfRange(second, segmentBytes, second.length));
        assertArrayEquals(expected, splice);
        assertEquals(0, assembler.incompleteFrames());
    }

    @Test
    void inspectorRejectsTheSpliceByItsCrc() {
        byte[] first = TestJpegs.stampedJpeg(64, 48, 11, 10, 1_000);
        byte[] second = TestJpegs.stampedJpeg(64, 48, 12, 11, 2_000);
        CountdownPacketizer two = TestJpegs.segmenterGiving(new int[] {2, 2}, first, second);
        byte[] splice = feed(List.of(
                TestJpegs.datagrams(two, first).get(0), TestJpegs.datagrams(two, second).get(1))).get(0);

        Verdict verdict = inspector.inspect(splice, splice.length);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertTrue(verdict.reason().contains("CRC"), verdict.reason());
        assertTrue(verdict.reason().contains("frame 10"), "names the frame whose head it has: " + verdict.reason());
    }

    @Test
    void inspectorRejectsASpliceOfFramesWithDifferentSegmentCounts() {
        // A 5-segment frame loses its last segment and a 3-segment frame its first two: the countdown reads
        // 5, 4, 3, 2 from the first and 1 from the second, with no gap.
        byte[] big = TestJpegs.stampedJpeg(64, 48, 21, 20, 1_000);
        byte[] small = TestJpegs.stampedJpeg(32, 48, 22, 21, 2_000);
        CountdownPacketizer cutter = TestJpegs.segmenterGiving(new int[] {5, 3}, big, small);
        List<byte[]> datagrams = new ArrayList<>(TestJpegs.datagrams(cutter, big).subList(0, 4));
        datagrams.add(TestJpegs.datagrams(cutter, small).get(2));

        List<byte[]> completed = feed(datagrams);
        assertEquals(1, completed.size());
        Verdict verdict = inspector.inspect(completed.get(0), completed.get(0).length);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertTrue(verdict.reason().contains("CRC"), verdict.reason());
    }

    @Test
    void duplicatedMiddleSegmentDropsTheFrame() {
        List<byte[]> completed = feed(join(datagrams(A, 0, 1, 1, 2, 3), datagrams(B)));
        assertEquals(1, assembler.incompleteFrames());
        for (byte[] frame : completed) {
            assertFalse(Arrays.equals(A, frame));
        }
        assertEquals(List.of(Verdict.Kind.VERIFIED),
                completed.stream().map(this::verdict).toList(), "A's tail is dropped, B verified");
        assertArrayEquals(B, completed.get(0));
    }

    @Test
    void duplicatedFirstSegmentStillCompletesTheFrame() {
        List<byte[]> completed = feed(datagrams(A, 0, 0, 1, 2, 3));
        assertEquals(1, completed.size());
        assertArrayEquals(A, completed.get(0));
        assertEquals(1, assembler.incompleteFrames(), "the first copy started a frame the second broke");
    }

    @Test
    void duplicatedLastSegmentIsDroppedAsTheTailOfALostFrame() {
        List<byte[]> completed = feed(datagrams(A, 0, 1, 2, 3, 3));
        assertEquals(1, completed.size());
        assertArrayEquals(A, completed.get(0));
        assertEquals(1, assembler.incompleteFrames(), "the stray copy counts once, as a lost frame's tail");
    }

    @Test
    void lostMiddleSegmentCountsOneIncompleteFrame() {
        feed(join(datagrams(A, 0, 2, 3), datagrams(B)));
        assertEquals(1, assembler.incompleteFrames(), "one frame lost, counted once, not also as a fragment");
    }

    @Test
    void swappedSegmentsCountOneIncompleteFrame() {
        feed(join(datagrams(A, 0, 2, 1, 3), datagrams(B)));
        assertEquals(1, assembler.incompleteFrames());
    }

    @Test
    void swappedSegmentsDropTheFrame() {
        List<byte[]> completed = feed(join(datagrams(A, 0, 2, 1, 3), datagrams(B)));
        List<byte[]> acceptable = completed.stream().filter(f -> verdict(f) != Verdict.Kind.REJECTED).toList();
        assertEquals(1, acceptable.size());
        assertArrayEquals(B, acceptable.get(0));
        assertTrue(assembler.incompleteFrames() >= 1);
    }

    @Test
    void segmentsOfTwoFramesInterleavedNeverCompleteAWrongFrame() {
        List<byte[]> a = datagrams(A);
        List<byte[]> b = datagrams(B);
        List<byte[]> interleaved = List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2), b.get(2),
                a.get(3), b.get(3));
        for (byte[] frame : feed(interleaved)) {
            assertEquals(Verdict.Kind.REJECTED, verdict(frame));
        }
    }

    @Test
    void emptyDatagramIsGarbage() {
        assertEquals(CountdownDepacketizer.Step.GARBAGE, assembler.accept(new byte[0], 0, 0));
        assertEquals(0, assembler.incompleteFrames());
    }

    @Test
    void emptyDatagramLeavesTheFrameInProgressAlone() {
        List<byte[]> a = datagrams(A);
        accept(a.get(0));
        accept(a.get(1));
        assertEquals(CountdownDepacketizer.Step.GARBAGE, assembler.accept(new byte[10], 3, 0));
        accept(a.get(2));
        assertEquals(CountdownDepacketizer.Step.COMPLETE, accept(a.get(3)));
        assertArrayEquals(A, completed());
    }

    @Test
    void countdownZeroIsGarbage() {
        assertEquals(CountdownDepacketizer.Step.GARBAGE, accept(new byte[] {0, (byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void countdownWithoutPayloadIsGarbage() {
        assertEquals(CountdownDepacketizer.Step.GARBAGE, accept(new byte[] {1}));
    }

    @Test
    void receiverStartedMidStreamRecoversAtTheNextFrame() {
        List<byte[]> completed = feed(join(datagrams(A, 2, 3), datagrams(B)));
        List<byte[]> acceptable = completed.stream().filter(f -> verdict(f) != Verdict.Kind.REJECTED).toList();
        assertEquals(1, acceptable.size());
        assertArrayEquals(B, acceptable.get(0));
        assertArrayEquals(B, completed.get(completed.size() - 1));
    }

    @Test
    void readingAFrameBeforeItIsCompleteFails() {
        accept(datagrams(A).get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, assembler::completedBuffer);
        assertTrue(e.getMessage().contains("no complete frame"), e.getMessage());
    }


    @Test
    void randomBytesNeverThrowAndNeverVerifyAFrameThatWasNotSent() {
        Random random = new Random(20_251_121L);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(TestJpegs.stampedJpeg(64, 48, 100 + i, i, 1_000L * i));
        }
        CountdownPacketizer cutter = new CountdownPacketizer(512);
        byte[] receiveBuffer = new byte[MAX_NOISE_BYTES + 64];
        int verified = 0;
        int offered = 0;
        while (offered < 20_000) {
            // a real frame's datagrams, some lost, duplicated or swapped, with random datagrams mixed in
            List<byte[]> stream = new ArrayList<>(TestJpegs.datagrams(cutter, sent.get(random.nextInt(sent.size()))));
            for (int i = 0; i < stream.size(); i++) {
                int roll = random.nextInt(100);
                if (roll < 4) {
                    stream.remove(i);
                } else if (roll < 7) {
                    stream.add(i, stream.get(i));
                    i++;
                } else if (roll < 10 && i + 1 < stream.size()) {
                    stream.add(i, stream.remove(i + 1));
                } else if (roll < 25) {
                    stream.add(i, randomDatagram(random));
                    i++;
                }
            }
            for (byte[] datagram : stream) {
                int offset = random.nextInt(64);
                System.arraycopy(datagram, 0, receiveBuffer, offset, datagram.length);
                offered++;
                if (assembler.accept(receiveBuffer, offset, datagram.length) == CountdownDepacketizer.Step.COMPLETE) {
                    byte[] frame = completed();
                    Verdict verdict = inspector.inspect(frame, frame.length);
                    assertFalse(verdict.kind() == Verdict.Kind.NEEDS_DECODE, "every real frame is stamped");
                    if (verdict.kind() == Verdict.Kind.VERIFIED) {
                        verified++;
                        byte[] original = sent.get((int) verdict.stamp().frameNumber());
                        assertArrayEquals(original, frame, "verified frame " + verdict.stamp().frameNumber());
                    }
                }
            }
        }
        assertTrue(verified > 100, "whole frames still get through: " + verified);
        assertTrue(assembler.incompleteFrames() > 100, "and broken ones are counted: " + assembler.incompleteFrames());
    }

    @Test
    void datagramsOfPureNoiseNeverThrowAndNeverVerify() {
        Random random = new Random(7);
        int completed = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] datagram = randomDatagram(random);
            if (assembler.accept(datagram, 0, datagram.length) == CountdownDepacketizer.Step.COMPLETE) {
                completed++;
                byte[] frame = completed();
                assertEquals(Verdict.Kind.REJECTED, verdict(frame));
            }
        }
        assertTrue(completed > 100, "noise does complete pseudo-frames, which the inspector must reject");
    }

    /** Noise shaped like a datagram: any length up to a small segment, a countdown that is often small. */
    private static byte[] randomDatagram(Random random) {
        byte[] datagram = new byte[random.nextInt(MAX_NOISE_BYTES)];
        random.nextBytes(datagram);
        if (datagram.length > 0 && random.nextBoolean()) {
            datagram[0] = (byte) random.nextInt(4);
        }
        if (datagram.length > 3 && random.nextInt(4) == 0) {
            datagram[1] = (byte) 0xFF; // looks like the start of a JPEG
            datagram[2] = (byte) 0xD8;
        }
        return datagram;
    }

    /** Every datagram is garbage, part of a completed frame, dropped with an incomplete one, or still held. */
    @Test
    void everyDatagramIsAccountedForExactlyOnce() {
        Random random = new Random(2026);
        long garbage = 0;
        long inCompleted = 0;
        long offered = 0;
        List<byte[]> pool = join(datagrams(A), datagrams(B), datagrams(C));
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram;
            if (random.nextInt(4) == 0) {
                datagram = new byte[random.nextInt(MAX_NOISE_BYTES)];
                random.nextBytes(datagram);
            } else {
                datagram = pool.get(random.nextInt(pool.size())); // lost, duplicated and reordered at once
            }
            offered++;
            CountdownDepacketizer.Step step = accept(datagram);
            if (step == CountdownDepacketizer.Step.GARBAGE) {
                garbage++;
            } else if (step == CountdownDepacketizer.Step.COMPLETE) {
                inCompleted += assembler.completedPackets();
            }
        }
        long held = offered - garbage - inCompleted - assembler.droppedPackets();
        assertTrue(held >= 0 && held < 4, "datagrams held by the frame in progress: " + held);
        long incompleteBefore = assembler.incompleteFrames();
        assembler.abandon();
        assertEquals(offered, garbage + inCompleted + assembler.droppedPackets(), "after abandon, none is held");
        assertEquals(incompleteBefore + (held > 0 ? 1 : 0), assembler.incompleteFrames());
    }

    @Test
    void abandonCountsTheFrameInProgressAndGivesBackItsMemory() {
        byte[] big = TestJpegs.stampedJpeg(1280, 720, 4, 3, 1_763_700_000_000_000L);
        List<byte[]> datagrams = TestJpegs.datagrams(new CountdownPacketizer(8_000), big);
        for (int i = 0; i < datagrams.size() - 1; i++) {
            accept(datagrams.get(i));
        }
        assertTrue(assembler.retainedBytes() >= big.length - 8_000, "it grew to hold the frame");
        assembler.abandon();
        assertEquals(1, assembler.incompleteFrames());
        assertEquals(datagrams.size() - 1, assembler.droppedPackets());
        assertTrue(assembler.retainedBytes() <= 64 * 1024, "kept " + assembler.retainedBytes() + " bytes");
        assertEquals(1, feed(datagrams(A)).size(), "it works on after");
    }
}
