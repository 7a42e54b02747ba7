package udpvideo.sender;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.sink.FrameSink;
import udpvideo.transport.FrameTransmitter;

/**
 * Where an encoded, stamped frame goes: to the transmitter, then to every sink (recording, preview), then into
 * the stats. A sink that fails is dropped with one line, and the stream goes on. Called by one sending thread at
 * a time, in frame order: {@link SendTurn} sees to both, so it needs no lock of its own.
 */
final class FrameOutput {
    private final FrameTransmitter transmitter;
    /** The sinks still working; one that failed is removed. */
    private final List<FrameSink> sinks;
    private final SenderStats stats;
    private final PrintStream log;
    private final SkipWarnings skipWarnings = new SkipWarnings();

    FrameOutput(FrameTransmitter transmitter, List<FrameSink> sinks, SenderStats stats, PrintStream log) {
        this.transmitter = transmitter;
        this.sinks = new ArrayList<>(sinks);
        this.stats = stats;
        this.log = log;
    }

    /** Sends frame {@code number}, {@code frame[0, length)}, encoded from {@code picture}. */
    void send(byte[] frame, int length, long number, BufferedImage picture) {
        int packets;
        try {
            packets = transmitter.send(frame, length);
        } catch (FrameTooLargeException e) {
            stats.frameTooLarge();
            String warning = skipWarnings.skipped(number, e.getMessage(), e.advice(), System.nanoTime());
            if (warning != null) {
                log.println(warning);
            }
            return;
        }
        for (int i = 0; i < sinks.size(); i++) {
            FrameSink sink = sinks.get(i);
            try {
                sink.accept(frame, length, picture);
            } catch (IOException | RuntimeException e) {
                log.println("warning: " + sink.description() + " stopped at frame " + number + ": "
                        + e.getMessage() + "; streaming goes on");
                sinks.remove(i--);
            }
        }
        stats.frameSent(length, packets);
        String line = stats.reportIfDue(System.nanoTime(), transmitter);
        if (line != null) {
            log.println(line);
        }
    }
}
