package udpvideo.sender;

import java.awt.image.BufferedImage;
import java.io.IOException;
import udpvideo.cli.StopSignal;
import udpvideo.source.FrameSource;
import udpvideo.stamp.FrameStamp;

/**
 * The sender's door to the source: paces, reads the next frame into the caller's image, numbers it and notes
 * when it was ready. Also decides when sending ends (end of source, {@code --frames}, stop, failure) and why.
 * Thread-safe: sending threads take frames one at a time, since a source reads one frame at a time.
 */
final class FrameCapture {
    /**
     * A frame just taken from the source.
     *
     * @param image         the pixels, owned by the caller
     * @param number        0, 1, 2, ... in capture order: the frame's number on the wire
     * @param captureMicros when it was ready, on the wall clock the receiver's latency is measured against
     */
    record Captured(BufferedImage image, long number, long captureMicros) {
    }

    private final FrameSource source;
    private final Pacer pacer;
    /** Stop after this many frames; 0 for never. */
    private final long frameLimit;
    private long nextNumber;
    /** Why capture ended, or null while it goes on. */
    private String endReason;
    /** Whether it ended because {@code --frames} were taken, which the counts in {@link #outcome} say alone. */
    private boolean isLimitReached;

    FrameCapture(FrameSource source, Pacer pacer, long frameLimit) {
        this.source = source;
        this.pacer = pacer;
        this.frameLimit = frameLimit;
    }

    /**
     * Waits for the next frame's time and reads it into {@code target} (or a new image when it does not fit);
     * null once capture has ended.
     */
    synchronized Captured next(BufferedImage target, StopSignal stop) throws IOException {
        if (endReason != null) {
            return null;
        }
        if (frameLimit > 0 && nextNumber >= frameLimit) {
            isLimitReached = true; // endReason is null here, so this is the reason kept
            end("--frames " + frameLimit + " taken");
            return null;
        }
        if (!pacer.awaitNextFrame(stop) || Thread.currentThread().isInterrupted()) {
            end(stop.isStopped() ? stop.reason() : "interrupted");
            return null;
        }
        BufferedImage image = source.next(target);
        if (image == null) {
            end("end of " + source.description());
            return null;
        }
        return new Captured(image, nextNumber++, FrameStamp.currentTimeMicros());
    }

    /** Whether frames are taken on a schedule; false when they are taken as fast as they are asked for. */
    boolean isPaced() {
        return pacer.isPaced();
    }

    /** When the next frame is due on the schedule ({@link System#nanoTime}); -1 when unpaced. */
    synchronized long nextFrameDueAt() {
        return pacer.nextDueNanos();
    }

    /** Ends capture; the first reason given is the one kept. */
    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    /** Why capture ended, or null while it goes on. */
    synchronized String endReason() {
        return endReason;
    }

    /** Frames taken from the source so far. */
    synchronized long taken() {
        return nextNumber;
    }

    /**
     * Why capture ended and what came of it, given the frames {@code sent}: "60 frames taken, 0 sent" when
     * {@code --frames} were taken, else the reason first ("end of file clip.avi, 120 frames taken, 120 sent").
     */
    synchronized String outcome(long sent) {
        String counts = nextNumber + " frames taken, " + sent + " sent";
        if (isLimitReached) {
            return counts;
        }
        return (endReason == null ? "still running" : endReason) + ", " + counts;
    }
}
