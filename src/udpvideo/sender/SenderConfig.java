package udpvideo.sender;

import java.awt.Dimension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import udpvideo.packet.CountdownPacketizer;

/**
 * What to send, where and how; validated once, then shared read-only.
 *
 * @param target         where the datagrams go
 * @param source         the {@code --source} text: camera, camera:N, /dev/videoN, test, screen or a file
 * @param size           the test pattern's size or the camera's requested size; null for the default
 * @param width          resize frames to this width keeping the aspect ratio; 0 to keep the source's
 * @param quality        JPEG quality 1..100
 * @param fps            frames per second to pace at; 0 for as fast as possible; null for the source's own rate
 * @param frameLimit     stop after this many frames; 0 for never
 * @param segmentBytes   the most JPEG bytes per datagram
 * @param lossProbability drop each datagram with this probability before it leaves (0 for none)
 * @param record         where to record every sent JPEG; null for nowhere
 * @param preview        whether to show what is sent in a window
 * @param encoders       how many threads encode: paced, each frame together, a strip each; unpaced, whole
 *                       frames each, sent in capture order
 */
public record SenderConfig(InetSocketAddress target, String source, Dimension size, int width, int quality,
        Double fps, long frameLimit, int segmentBytes, double lossProbability, Path record, boolean preview,
        int encoders) {
    /** JPEG quality when none is given; OpenCV's own default, which the tutorial uses, is 95. */
    public static final int DEFAULT_QUALITY = 80;
    /**
     * Encoding threads when none are asked for: one per core, up to four. Paced, each encodes a strip of every
     * frame, so a frame is ready sooner (lower latency); unpaced, each encodes frames of its own, so more frames
     * fit in a second.
     */
    public static final int DEFAULT_ENCODERS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** More encoders than this only contend for the cores. */
    public static final int MAX_ENCODERS = 16;

    /** Checks every range, with the option name in the message. */
    public SenderConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("--quality must be 1..100, was " + quality);
        }
        if (width < 0 || width > 8192) {
            throw new IllegalArgumentException("--width must be 1..8192, was " + width);
        }
        if (fps != null && (fps < 0 || fps > 1000)) {
            throw new IllegalArgumentException("--fps must be 0..1000, was " + fps);
        }
        if (segmentBytes < CountdownPacketizer.MIN_SEGMENT_BYTES || segmentBytes > CountdownPacketizer.MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("--segment-size must be " + CountdownPacketizer.MIN_SEGMENT_BYTES + ".."
                    + CountdownPacketizer.MAX_SEGMENT_BYTES + ", was " + segmentBytes);
        }
        if (!(lossProbability >= 0 && lossProbability < 1)) {
            throw new IllegalArgumentException("--simulate-loss must be 0..1 (below 1), was " + lossProbability);
        }
        if (encoders < 1 || encoders > MAX_ENCODERS) {
            throw new IllegalArgumentException("--encoders must be 1.." + MAX_ENCODERS + ", was " + encoders);
        }
    }

    /** A configuration with the default number of encoders. */
    public SenderConfig(InetSocketAddress target, String source, Dimension size, int width, int quality,
            Double fps, long frameLimit, int segmentBytes, double lossProbability, Path record, boolean preview) {
        this(target, source, size, width, quality, fps, frameLimit, segmentBytes, lossProbability, record, preview,
                DEFAULT_ENCODERS);
    }

    /** The test pattern to {@code target}, with every other setting at its default. */
    public static SenderConfig testPattern(InetSocketAddress target) {
        return new SenderConfig(target, "test", null, 0, DEFAULT_QUALITY, null, 0, CountdownPacketizer.MAX_SEGMENT_BYTES, 0,
                null, false);
    }
}
