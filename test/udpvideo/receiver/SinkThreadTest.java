package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.sink.FrameSink;

/** The sinks' own thread: frames in order, a failing sink dropped with one line, the others fed on. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SinkThreadTest {
    /** Keeps what it is given; fails, like a full disk, from frame {@code failAt} on. */
    private static final class KeepingSink implements FrameSink {
        final List<Byte> firstBytes = new ArrayList<>();
        final int failAt;
        boolean isClosed;

        KeepingSink(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public synchronized void accept(byte[] frame, int length, BufferedImage picture) throws IOException {
            if (firstBytes.size() == failAt) {
                throw new IOException("No space left on device");
            }
            firstBytes.add(frame[0]);
        }

        @Override
        public String description() {
            return "recording test.bin";
        }

        @Override
        public synchronized void close() {
            isClosed = true;
        }
    }

    @Test
    void aFailingSinkIsDroppedWithOneLineAndTheOthersGetEveryFrameInOrder() throws IOException {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        KeepingSink failing = new KeepingSink(3);
        KeepingSink healthy = new KeepingSink(Integer.MAX_VALUE);
        SinkThread sinks = new SinkThread(List.of(failing, healthy), new PrintStream(logBytes, true,
                StandardCharsets.UTF_8));
        sinks.start();
        byte[] buffer = new byte[100];
        for (int i = 0; i < 10; i++) {
            buffer[0] = (byte) i;
            sinks.offer(buffer, buffer.length); // the caller reuses its buffer at once: the sink thread has a copy
        }
        sinks.close(); // writes out what waits first
        assertEquals(List.of((byte) 0, (byte) 1, (byte) 2), failing.firstBytes);
        assertEquals(10, healthy.firstBytes.size());
        for (int i = 0; i < 10; i++) {
            assertEquals((byte) i, healthy.firstBytes.get(i), "frame " + i);
        }
        assertTrue(failing.isClosed && healthy.isClosed, "every sink is closed");
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.startsWith("warning: recording test.bin stopped: No space left on device"), log);
        assertEquals(0, sinks.framesNotKept());
    }

    @Test
    void framesBeyondWhatMayWaitAreCountedNotKept() throws IOException {
        SinkThread sinks = new SinkThread(List.of(new KeepingSink(Integer.MAX_VALUE)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // not started: nothing drains, so what may wait fills up
        byte[] big = new byte[(int) (SinkThread.MAX_WAITING_BYTES / 4)];
        for (int i = 0; i < 6; i++) {
            sinks.offer(big, big.length);
        }
        assertEquals(2, sinks.framesNotKept(), "four frames of a quarter each fill it");
        sinks.start();
        sinks.close();
    }
}
