package udpvideo.receiver;

import java.util.HashMap;
import java.util.Map;
import udpvideo.codec.Codec;
import udpvideo.codec.FrameDecoder;

/**
 * One decoder per codec, made the first time a frame of that codec arrives, so that a thread decodes whatever
 * codec each frame's first bytes name. Owned by one decoding thread, which closes it.
 */
final class CodecDecoders implements AutoCloseable {
    private final Map<Codec, FrameDecoder> decoders = new HashMap<>();
    /** Threads each decoder may use for one frame. */
    private final int threads;

    /** Decoders that may use up to {@code threads} threads each; the default codec's is made and warmed now. */
    CodecDecoders(int threads, Codec warmUp) {
        this.threads = threads;
        forCodec(warmUp).warmUp(); // so the first frame decodes at full speed
    }

    /** The decoder for {@code codec}. */
    FrameDecoder forCodec(Codec codec) {
        return decoders.computeIfAbsent(codec, c -> c.newDecoder(threads));
    }

    @Override
    public void close() {
        decoders.values().forEach(FrameDecoder::close);
    }
}
