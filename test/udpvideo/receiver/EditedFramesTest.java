package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.sink.MjpegReader;

/**
 * A stamped stream replayed with every edit an attacker (or a broken relay) might make: none of the edited frames
 * is accepted, every original is, and the recording holds exactly the originals.
 */
@Timeout(60)
class EditedFramesTest {
    private static final int FRAMES = 12;
    private static final long TIME_US = 1_763_700_000_000_000L;

    @TempDir
    Path dir;

    /** Each edit, by name: a frame in, a different frame out. */
    private static Map<String, UnaryOperator<byte[]>> edits() {
        Map<String, UnaryOperator<byte[]>> edits = new LinkedHashMap<>();
        edits.put("a byte of JFIF's APP0", frame -> {
            byte[] edited = frame.clone();
            edited[TestJpegs.indexOfMarker(frame, JpegHeader.APP0) + 6] ^= 0x01;
            return edited;
        });
        edits.put("the frame number", frame -> withComment(frame, text -> text.replaceFirst("frame=(\\d+)",
                "frame=9$1")));
        edits.put("the capture time", frame -> withComment(frame, text -> text.replace("time_us=1", "time_us=2")));
        edits.put("the CRC in upper case", frame -> withComment(frame, text -> {
            int at = text.indexOf("crc32=") + 6;
            return text.substring(0, at) + text.substring(at).toUpperCase(java.util.Locale.ROOT);
        }));
        edits.put("a word added before the CRC", frame -> withComment(frame, text -> text.replace(" crc32=",
                " fps=30 crc32=")));
        edits.put("a word added at the end", frame -> withComment(frame, text -> text + " fps=30"));
        edits.put("a space doubled", frame -> withComment(frame, text -> text.replace(" time_us", "  time_us")));
        edits.put("a field twice", frame -> withComment(frame, text -> text.replace(" time_us",
                " frame=1 time_us")));
        edits.put("the comment stripped", EditedFramesTest::withoutComment);
        edits.put("the comment stripped and a bit flipped in the image data", frame -> {
            byte[] edited = withoutComment(frame);
            edited[edited.length - 40] ^= 0x04;
            return edited;
        });
        edits.put("the comment's first word changed, so it is no stamp", frame -> withComment(frame,
                text -> text.replaceFirst("udpvideo", "udpvidex")));
        return edits;
    }

    @Test
    void noEditedFrameIsAcceptedAndEveryOriginalIs() throws Exception {
        Path received = dir.resolve("received.mjpeg");
        List<byte[]> originals = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            originals.add(TestJpegs.stampedJpeg(320, 240, i, i, TIME_US + i * 33_333L));
        }
        Map<String, UnaryOperator<byte[]>> edits = edits();
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(received, stop);
                DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress target = Loopback.target(receiver);
            send(socket, target, originals.get(0)); // the sender's first frame: stamped, as ours always are
            Loopback.awaitTrue(() -> receiver.stats().accepted() == 1, 5_000, "the first frame");
            for (int i = 1; i < FRAMES; i++) {
                for (Map.Entry<String, UnaryOperator<byte[]>> edit : edits.entrySet()) {
                    byte[] edited = edit.getValue().apply(originals.get(i));
                    assertTrue(!java.util.Arrays.equals(edited, originals.get(i)), edit.getKey() + " edits");
                    send(socket, target, edited);
                }
                send(socket, target, originals.get(i));
                int expected = i + 1;
                // each original is accepted after its edits, which the receive thread judged first, in order
                Loopback.awaitTrue(() -> receiver.stats().accepted() == expected, 5_000, "frame " + i);
            }
            assertEquals((long) edits.size() * (FRAMES - 1), receiver.stats().rejected(),
                    "every edited frame rejected: last reason " + receiver.stats().lastRejection());
            // stripped; stripped with damaged data; its first word changed, so it is a comment but no stamp
            assertEquals(3 * (FRAMES - 1), receiver.stats().stampMissing(), "frames without a stamp");
            assertEquals(receiver.stats().datagrams(), receiver.stats().datagramsAccountedFor());
        }
        List<byte[]> recorded = MjpegReader.readFrames(received);
        assertEquals(FRAMES, recorded.size());
        for (int i = 0; i < FRAMES; i++) {
            assertArrayEquals(originals.get(i), recorded.get(i), "recorded frame " + i);
        }
    }

    @Test
    void everyDatagramOfRandomNoiseLandsInExactlyOneCounter() throws Exception {
        StopSignal stop = new StopSignal();
        try (Receiver receiver = Loopback.startReceiver(null, stop);
                DatagramSocket noise = new DatagramSocket();
                DatagramSocket sender = new DatagramSocket()) {
            InetSocketAddress target = Loopback.target(receiver);
            Random random = new Random(1_000);
            for (int i = 0; i < 1_000; i++) {
                byte[] datagram = new byte[random.nextInt(1_500)];
                random.nextBytes(datagram);
                noise.send(new DatagramPacket(datagram, datagram.length, target));
            }
            byte[] last = TestJpegs.stampedJpeg(320, 240, 1, 0, TIME_US);
            send(noise, target, last); // after the noise on its socket: it ends any frame the noise opened
            send(sender, target, last);
            Loopback.awaitTrue(() -> receiver.stats().accepted() == 1 && receiver.stats().datagrams() == 1_002,
                    5_000, "every datagram read and a frame accepted");
            Loopback.awaitTrue(() -> receiver.stats().datagramsAccountedFor() == 1_002, 5_000,
                    "every datagram counted once: " + receiver.summary());
            assertTrue(receiver.stats().garbage() > 0 && receiver.stats().incomplete() > 0, receiver.summary());
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress target, byte[] frame) throws Exception {
        for (byte[] datagram : TestJpegs.datagrams(new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES),
                frame)) {
            socket.send(new DatagramPacket(datagram, datagram.length, target));
        }
    }

    /** The frame with its stamp comment's text replaced by what {@code edit} makes of it. */
    private static byte[] withComment(byte[] frame, UnaryOperator<String> edit) {
        int com = TestJpegs.indexOfMarker(frame, JpegHeader.COM);
        int length = ((frame[com + 2] & 0xFF) << 8) | (frame[com + 3] & 0xFF);
        String text = new String(frame, com + 4, length - 2, StandardCharsets.US_ASCII);
        byte[] edited = edit.apply(text).getBytes(StandardCharsets.US_ASCII);
        byte[] without = withoutComment(frame);
        return TestJpegs.withSegment(without, com, JpegHeader.COM, edited);
    }

    private static byte[] withoutComment(byte[] frame) {
        int com = TestJpegs.indexOfMarker(frame, JpegHeader.COM);
        int end = com + 2 + (((frame[com + 2] & 0xFF) << 8) | (frame[com + 3] & 0xFF));
        return TestJpegs.concat(java.util.Arrays.copyOf(frame, com),
                java.util.Arrays.copyOfRange(frame, end, frame.length));
    }
}
