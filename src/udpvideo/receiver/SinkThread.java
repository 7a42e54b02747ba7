package udpvideo.receiver;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import udpvideo.sink.FrameSink;

/**
 * Feeds accepted frames to the sinks (the recording) on a thread of its own, {@code udpvideo-sinks}, so that a
 * slow or failing disk never stalls the receive thread. Frames wait, copied, in order; when more than
 * {@link #MAX_WAITING_BYTES} wait, a new frame is not kept and counted instead (the summary says how many). A sink
 * that fails is dropped with one line on the log; streaming goes on.
 *
 * <p>The receiver starts it and closes it; {@link #close()} writes out what is waiting, then closes the sinks.
 */
final class SinkThread implements AutoCloseable {
    /** 64 MB: a few seconds of 1080p JPEG, a second of raw 720p, before a disk that stalls costs frames. */
    static final long MAX_WAITING_BYTES = 64L * 1024 * 1024;
    private static final long CLOSE_WAIT_MS = 10_000;

    private final List<FrameSink> sinks;
    private final PrintStream log;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final Thread thread;
    private long waitingBytes;
    private long framesNotKept;
    private boolean isClosing;

    /** A thread for {@code sinks}, which it then owns; failures are said on {@code log}. */
    SinkThread(List<FrameSink> sinks, PrintStream log) {
        this.sinks = new ArrayList<>(sinks);
        this.log = log;
        this.thread = new Thread(this::run, "udpvideo-sinks");
    }

    void start() {
        thread.start();
    }

    /** Whether there is any sink to feed: without one, {@link #offer} need not be called. */
    boolean hasSinks() {
        return !sinks.isEmpty();
    }

    /** Receive or verify thread: keeps a copy of {@code frame[0, length)} for the sinks. Never blocks. */
    void offer(byte[] frame, int length) {
        synchronized (this) {
            if (isClosing || waitingBytes + length > MAX_WAITING_BYTES) {
                framesNotKept++;
                return;
            }
            waitingBytes += length; // room taken now, so that two offers cannot both take the last of it
        }
        byte[] copy = Arrays.copyOf(frame, length); // outside the lock: the sink thread need not wait for it
        synchronized (this) {
            waiting.addLast(copy);
            notifyAll();
        }
    }

    /** Frames that could not be kept because the sinks had fallen too far behind. */
    synchronized long framesNotKept() {
        return framesNotKept;
    }

    private void run() {
        byte[] frame;
        while ((frame = next()) != null) {
            for (int i = 0; i < sinks.size(); i++) {
                FrameSink sink = sinks.get(i);
                try {
                    sink.accept(frame, frame.length, null);
                } catch (IOException | RuntimeException e) {
                    log.println("warning: " + sink.description() + " stopped: " + e.getMessage()
                            + "; receiving goes on");
                    closeQuietly(sink);
                    sinks.remove(i--);
                }
            }
        }
    }

    /** The next frame to write, waiting for one; null once closing and nothing is left. */
    private synchronized byte[] next() {
        while (waiting.isEmpty() && !isClosing) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null; // close() gave up waiting for us
            }
        }
        byte[] frame = waiting.pollFirst();
        if (frame != null) {
            waitingBytes -= frame.length;
        }
        return frame;
    }

    /** Writes out what waits (for up to 10 s), then closes every sink; throws the first failure to close. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            isClosing = true;
            notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT_MS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FrameSink.closeAll(sinks);
    }

    private void closeQuietly(FrameSink sink) {
        try {
            sink.close();
        } catch (IOException ignored) {
            // it has already failed once, and that failure was said
        }
    }
}
