package udpvideo.sink;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Where an encoded frame goes besides the network: a recording, a preview window; later an HTTP or RTP viewer.
 *
 * <p>On the sender a sink is called by the sending thread, in frame order, one frame at a time; on the receiver
 * by the receiver's sink thread, never by the receive thread ({@code SinkThread}). A sink that fails throws
 * {@link IOException}; whoever calls it stops using it and says so once, and the stream goes on.
 */
public interface FrameSink extends AutoCloseable {
    /**
     * Takes one frame. Both arguments are the caller's and valid only during the call: a sink that keeps either
     * copies it.
     *
     * @param frame   the encoded frame, {@code frame[0, length)}, exactly as sent or received
     * @param picture the picture it was encoded from, on the sender; null on the receiver
     */
    void accept(byte[] frame, int length, BufferedImage picture) throws IOException;

    /** What the sink is, for messages: "recording r.mjpeg". */
    String description();

    /** Flushes and releases what the sink holds. */
    @Override
    void close() throws IOException;

    /** Closes every sink, even when one fails, and then throws the first failure. */
    static void closeAll(Iterable<? extends FrameSink> sinks) throws IOException {
        IOException first = null;
        for (FrameSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
