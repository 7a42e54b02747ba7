package udpvideo.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What a receiving transport counted, as the receiver's stats would, for tests to read; any thread. */
final class CountsSeen implements ReceiveCounts {
    final AtomicLong datagrams = new AtomicLong();
    final AtomicLong garbage = new AtomicLong();
    final AtomicLong receiveErrors = new AtomicLong();
    final AtomicLong incompleteFrames = new AtomicLong();
    final AtomicLong incompletePackets = new AtomicLong();
    final AtomicLong notAdmitted = new AtomicLong();
    final AtomicLong forgotten = new AtomicLong();
    /** The reasons given for rejected frames, in order; the first 64. */
    final BlockingQueue<String> rejections = new ArrayBlockingQueue<>(64);

    @Override
    public void countDatagram() {
        datagrams.incrementAndGet();
    }

    @Override
    public void countGarbage() {
        garbage.incrementAndGet();
    }

    @Override
    public void countReceiveError() {
        receiveErrors.incrementAndGet();
    }

    @Override
    public void countIncomplete(InetSocketAddress sender, long frames, long packets) {
        incompleteFrames.addAndGet(frames);
        incompletePackets.addAndGet(packets);
    }

    @Override
    public void countNotAdmitted(InetSocketAddress sender) {
        notAdmitted.incrementAndGet();
    }

    @Override
    public void countSenderForgotten() {
        forgotten.incrementAndGet();
    }

    @Override
    public void reject(InetSocketAddress sender, String reason, int packets) {
        rejections.offer(reason);
    }
}
