package udpvideo.sender;

import java.awt.Dimension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import udpvideo.codec.Codecs;
import udpvideo.codec.FrameLimits;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;
import udpvideo.transport.Transports;

/**
 * What to send, where and how; validated once, then shared read-only. Built with {@link #to}, which starts from
 * every default, so a caller names only what it changes and a new option touches this file alone.
 *
 * @param target          where the datagrams go; with {@code listen}, where to listen for a viewer's hello
 * @param source          the {@code --source} text: camera, camera:N, /dev/videoN, test, screen or a file
 * @param size            the test pattern's size or the camera's requested size; null for the default
 * @param fps             frames per second to pace at; 0 for as fast as possible; null for the source's own rate
 * @param frameLimit      stop after this many frames; 0 for never
 * @param width           resize frames to this width keeping the aspect ratio; 0 to keep the source's
 * @param codec           the {@code --codec} name: {@code jpeg} and its siblings in {@link Codecs}
 * @param quality         encoding quality 1..100, for codecs that have one
 * @param encoders        threads that encode one frame together, a strip each; 0 for the default by pacing
 * @param senders         frames encoded at once, each whole on a thread of its own and sent in capture order; 0
 *                        for the default by pacing
 * @param transport       the {@code --transport} name: {@code udp} and its siblings in {@link Transports}
 * @param segmentBytes    the most frame bytes per datagram
 * @param lossProbability drop each datagram with this probability before it leaves (0 for none)
 * @param record          where to record every sent frame; null for nowhere
 * @param preview         whether to show what is sent in a window
 * @param protocol        the {@code --protocol} name: how frames go into datagrams, {@code countdown} and its
 *                        siblings in {@link PacketFormats}
 * @param listen          whether to stream to whoever says hello on {@code target} ({@code --listen}) instead
 *                        of to {@code target}
 */
public record SenderConfig(InetSocketAddress target, String source, Dimension size, Double fps, long frameLimit,
        int width, String codec, int quality, int encoders, int senders, String transport, int segmentBytes,
        double lossProbability, Path record, boolean preview, String protocol, boolean listen) {
    /** JPEG quality when none is given; OpenCV's own default, which the tutorial uses, is 95. */
    public static final int DEFAULT_QUALITY = 80;
    /**
     * The threads a sender uses by default: one per core, up to four. Paced, they encode each frame together, a
     * strip each, so a frame is ready sooner (lower latency); unpaced, each encodes frames of its own, so more
     * frames fit in a second (throughput).
     */
    public static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** More threads than this, of either kind, only contend for the cores. */
    public static final int MAX_THREADS = 16;

    /** Checks every range, with the option name in the message. */
    public SenderConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Codecs.named(codec); // throws, naming the codecs there are
        Transports.named(transport); // likewise
        PacketFormat format = PacketFormats.named(protocol); // likewise
        if (format.isFramePerDatagram() && !codec.equals(Codecs.defaultCodec().name())) {
            throw new IllegalArgumentException("--protocol " + protocol + " sends " + Codecs.defaultCodec().name()
                    + " only, was --codec " + codec + ": each frame must fit one datagram, and only JPEG's quality"
                    + " can make it smaller");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("--quality must be 1..100, was " + quality);
        }
        if (width < 0 || width > FrameLimits.MAX_DIMENSION) {
            throw new IllegalArgumentException("--width must be 1.." + FrameLimits.MAX_DIMENSION + ", was " + width);
        }
        if (fps != null && (fps < 0 || fps > FrameLimits.MAX_FRAMES_PER_SECOND)) {
            throw new IllegalArgumentException("--fps must be 0.." + FrameLimits.MAX_FRAMES_PER_SECOND + ", was "
                    + fps);
        }
        if (frameLimit < 0) {
            throw new IllegalArgumentException("--frames must be 1 or more (0 for no limit), was " + frameLimit);
        }
        if (segmentBytes < CountdownPacketizer.MIN_SEGMENT_BYTES
                || segmentBytes > CountdownPacketizer.MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("--segment-size must be " + CountdownPacketizer.MIN_SEGMENT_BYTES
                    + ".." + CountdownPacketizer.MAX_SEGMENT_BYTES + ", was " + segmentBytes);
        }
        if (!(lossProbability >= 0 && lossProbability < 1)) {
            throw new IllegalArgumentException("--simulate-loss must be 0..1 (below 1), was " + lossProbability);
        }
        if (encoders < 0 || encoders > MAX_THREADS) {
            throw new IllegalArgumentException("--encoders must be 1.." + MAX_THREADS + ", was " + encoders);
        }
        if (senders < 0 || senders > MAX_THREADS) {
            throw new IllegalArgumentException("--senders must be 1.." + MAX_THREADS + ", was " + senders);
        }
    }

    /** Every default, sending to {@code target}: the camera, JPEG at quality 80, full-size datagrams. */
    public static Builder to(InetSocketAddress target) {
        return new Builder(target, false);
    }

    /**
     * Every default, streaming to whoever says hello on {@code address} last ({@code --listen}), such as the
     * wildcard address and port 9688; port 0 picks a free one.
     */
    public static Builder listeningOn(InetSocketAddress address) {
        return new Builder(address, true);
    }

    /** A configuration under construction: every setter returns the builder; {@link #build} validates. */
    public static final class Builder {
        private final InetSocketAddress target;
        private final boolean listen;
        private String source = "camera";
        private Dimension size;
        private Double fps;
        private long frameLimit;
        private int width;
        private String codec = Codecs.defaultCodec().name();
        private int quality = DEFAULT_QUALITY;
        private int encoders;
        private int senders;
        private String transport = Transports.defaultTransport().name();
        private int segmentBytes = CountdownPacketizer.MAX_SEGMENT_BYTES;
        private double lossProbability;
        private Path record;
        private boolean preview;
        private String protocol = PacketFormats.defaultFormat().name();

        private Builder(InetSocketAddress target, boolean listen) {
            this.target = target;
            this.listen = listen;
        }

        /** {@code --source}. */
        public Builder source(String value) {
            source = value;
            return this;
        }

        /** {@code --size}; null for the source's default. */
        public Builder size(Dimension value) {
            size = value;
            return this;
        }

        /** {@code --fps}; null for the source's own rate. */
        public Builder fps(Double value) {
            fps = value;
            return this;
        }

        /** {@code --frames}; 0 for no limit. */
        public Builder frameLimit(long value) {
            frameLimit = value;
            return this;
        }

        /** {@code --width}; 0 keeps the source's. */
        public Builder width(int value) {
            width = value;
            return this;
        }

        /** {@code --codec}. */
        public Builder codec(String value) {
            codec = value;
            return this;
        }

        /** {@code --quality}. */
        public Builder quality(int value) {
            quality = value;
            return this;
        }

        /** {@code --encoders}; 0 for the default by pacing. */
        public Builder encoders(int value) {
            encoders = value;
            return this;
        }

        /** {@code --senders}; 0 for the default by pacing. */
        public Builder senders(int value) {
            senders = value;
            return this;
        }

        /** {@code --transport}. */
        public Builder transport(String value) {
            transport = value;
            return this;
        }

        /** {@code --segment-size}. */
        public Builder segmentBytes(int value) {
            segmentBytes = value;
            return this;
        }

        /** {@code --simulate-loss}. */
        public Builder lossProbability(double value) {
            lossProbability = value;
            return this;
        }

        /** {@code --record}; null for none. */
        public Builder record(Path value) {
            record = value;
            return this;
        }

        /** {@code --preview}. */
        public Builder preview(boolean value) {
            preview = value;
            return this;
        }

        /** {@code --protocol}. */
        public Builder protocol(String value) {
            protocol = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the option that is out of range
         */
        public SenderConfig build() {
            return new SenderConfig(target, source, size, fps, frameLimit, width, codec, quality, encoders,
                    senders, transport, segmentBytes, lossProbability, record, preview, protocol, listen);
        }
    }
}
