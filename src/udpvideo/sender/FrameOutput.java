package udpvideo.sender;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import udpvideo.mjpeg.MjpegWriter;
import udpvideo.source.FrameSource;
import udpvideo.viewer.FrameView;
import udpvideo.packet.FrameTooLargeException;

/**
 * Where an encoded, stamped frame goes: out as datagrams, into the recording, into the preview, into the stats.
 * Called by one sending thread at a time, in frame order: {@link SendTurn} sees to both, so it needs no lock of
 * its own.
 */
final class FrameOutput {
    private final DatagramTransmitter transmitter;
    /** Where sent frames are recorded, or null. */
    private final MjpegWriter recorder;
    /** The preview window, or null. */
    private final FrameView preview;
    private final SenderStats stats;
    private final PrintStream log;

    FrameOutput(DatagramTransmitter transmitter, MjpegWriter recorder, FrameView preview, SenderStats stats,
            PrintStream log) {
        this.transmitter = transmitter;
        this.recorder = recorder;
        this.preview = preview;
        this.stats = stats;
        this.log = log;
    }

    /** Sends frame {@code number}, {@code stamped[0, length)}, encoded from {@code image}. */
    void send(byte[] stamped, int length, long number, BufferedImage image) {
        int segments;
        try {
            segments = transmitter.send(stamped, length);
        } catch (FrameTooLargeException e) {
            stats.frameTooLarge();
            log.println("warning: frame " + number + " skipped: " + e.getMessage()
                    + "; lower --quality or --width, or raise --segment-size");
            return;
        }
        if (recorder != null) {
            recorder.write(stamped, length);
        }
        if (preview != null) {
            // the preview paints later, on Swing's thread, while the encoder reuses its image: give it a copy
            preview.show(FrameSource.copy(image, null), "sending", () -> { });
        }
        stats.frameSent(length, segments);
        String line = stats.reportIfDue(System.nanoTime(), transmitter);
        if (line != null) {
            log.println(line);
        }
    }
}
