package udpvideo.sender;

import java.awt.Dimension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import udpvideo.cli.CommandLine;
import udpvideo.cli.Program;
import udpvideo.cli.RunFailedException;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.codec.Codecs;
import udpvideo.codec.FrameLimits;
import udpvideo.transport.Transports;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;
import udpvideo.source.Sources;
import udpvideo.viewer.Display;

/** {@code run-sender.sh}: parses the options, opens a {@link Sender} and runs it until it is done. */
public final class SenderMain {
    private static final String HELP = """
            Usage: run-sender.sh [options]
            Captures video, encodes each frame (JPEG by default) and streams it: over UDP with a one-byte countdown
            in front of each datagram, as the classic tutorial does, as PyShine's one base64 datagram a frame,
            or over TCP.

              --host HOST          where to send (default 127.0.0.1)
              --port N             the receiver's port (default 12345, 9688 with --protocol pyshine); with
                                   --listen, the port to wait on (0 picks a free one)
              --protocol P         how frames go into UDP datagrams, one of PROTOCOLS (default countdown, the
                                   classic tutorial's); pyshine sends each JPEG as one datagram of base64,
                                   without the stamp, lowering the quality when a frame would not fit
              --listen             UDP: send nothing until a viewer says hello on --port, then stream to
                                   whoever said hello last (PyShine's handshake), instead of to --host
              --source S           camera (index 0, the default), camera:N, a device such as /dev/video2,
                                   test (an animated pattern), screen, or a video file (MJPEG .avi or an
                                   image sequence such as img%03d.jpg: this OpenCV build has no FFmpeg)
              --size WxH           test pattern size (default 640x480), or the capture size asked of a camera
              --width W            resize what is sent to W pixels wide, keeping the aspect ratio
                                   (default: the source's own size; 400 with --protocol pyshine)
              --codec C            how frames are encoded, one of CODECS (default jpeg,
                                   the only one the tutorial reads)
              --quality Q          JPEG quality 1..100 (default 80; png and raw are lossless); with
                                   --protocol pyshine the most it uses, lower while frames would not fit
              --fps F              frames per second (default: a file's own rate, a camera's own pace,
                                   30 for test, screen, image sequences and files that state no rate);
                                   0 sends as fast as possible
              --frames N           stop after N frames
              --encoders N         threads that encode one frame together, a strip each, 1..16 (JPEG;
                                   default: one per core, at most 4, when paced; 1 at --fps 0)
              --senders N          frames encoded at once, each whole on a thread of its own and sent in
                                   capture order, 1..16 (default: 1 when paced; one per core, at most 4,
                                   at --fps 0)
              --transport T        how frames travel, one of TRANSPORTS (default udp, the tutorial's)
              --segment-size B     most frame bytes per countdown datagram, 512..65472 (default 65472); lower
                                   it where datagrams are limited, e.g. 9000 for macOS's default
              --simulate-loss P    drop each UDP datagram with probability P (0..0.99) before it leaves,
                                   to see what loss does; counted in the stats
              --record FILE        write every frame handed to the network, exactly as sent, to FILE
                                   (replaces FILE, once all else is open; never the source file;
                                   JPEG frames make MJPEG: 'ffplay -f mjpeg -framerate 30 FILE';
                                   with pyshine, the JPEGs inside the base64)
              --preview            show what is being sent in a window (skipped without a display)
              --help               this text

            Prints its rate once a second on stderr and a summary at exit (end of source, --frames, Ctrl-C).
            Exit status: 0 done, 1 failure (also: no frame could be sent), 2 bad options or a source that
            cannot be opened, 130 after Ctrl-C.
            """.replace("CODECS", Codecs.names()).replace("TRANSPORTS", Transports.names())
            .replace("PROTOCOLS", PacketFormats.names());
    private static final Set<String> VALUED = Set.of("--host", "--port", "--source", "--size", "--width",
            "--quality", "--fps", "--frames", "--segment-size", "--simulate-loss", "--record", "--encoders", "--codec",
            "--transport", "--senders", "--protocol");
    private static final Set<String> FLAGS = Set.of("--preview", "--listen");

    /** A host with a port after it, as in a URL: {@code 127.0.0.1:12345}, {@code [::1]:12345}. */
    private static final Pattern HOST_WITH_PORT = Pattern.compile("(.+):([0-9]{1,5})");

    private static final Program PROGRAM = new Program("run-sender.sh", HELP, VALUED, FLAGS);

    private SenderMain() {
    }

    /** Entry point of {@code run-sender.sh}. */
    public static void main(String[] args) {
        PROGRAM.runAndExit(args, SenderMain::send);
    }

    private static void send(CommandLine options, StopSignal stop)
            throws UsageException, RunFailedException, IOException {
        SenderConfig config = config(options);
        if (!config.preview() && !Sources.needsDisplay(config.source()) || Display.unreachable() != null) {
            Display.useNone(); // no window is needed, or none can open: draw frames without a display
        }
        try (Sender sender = Sender.open(config, System.err, () -> stop.stop("preview closed"))) {
            System.err.println("sending " + sender.sourceDescription() + " to " + sender.destination());
            try {
                sender.run(stop);
            } finally {
                System.err.println(sender.summary());
            }
            if (sender.isNothingSent()) {
                throw new RunFailedException("no frame could be sent: every one was too large (see the warning)");
            }
        }
    }

    static SenderConfig config(CommandLine line) throws UsageException {
        PacketFormat format = packetFormat(line);
        boolean isListening = line.has("--listen");
        int port = (int) line.whole("--port", format.defaultPort(), isListening ? 0 : 1, 65_535);
        SenderConfig.Builder builder;
        if (isListening) {
            if (line.has("--host")) {
                throw new UsageException("--host names where to send, and --listen streams to whoever says hello:"
                        + " give one of them");
            }
            builder = SenderConfig.listeningOn(new InetSocketAddress(port)); // every interface
        } else {
            String host = line.text("--host", "127.0.0.1");
            try {
                builder = SenderConfig.to(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (UnknownHostException e) {
                throw new UsageException(unknownHost(host), e);
            }
        }
        if (format.isFramePerDatagram() && line.has("--segment-size")) {
            throw new UsageException("--segment-size cuts countdown frames, and --protocol " + format.name()
                    + " sends each frame whole in one datagram");
        }
        Dimension size = line.has("--size") ? parseSize(line.text("--size", null)) : null;
        try {
            return builder
                    .protocol(format.name())
                    .source(line.text("--source", "camera"))
                    .size(size)
                    .fps(line.has("--fps") ? line.decimal("--fps", 0, 0, FrameLimits.MAX_FRAMES_PER_SECOND) : null)
                    .frameLimit(line.whole("--frames", 0, 1, Long.MAX_VALUE))
                    .width((int) line.whole("--width", format.defaultWidth(), 16, FrameLimits.MAX_DIMENSION))
                    .codec(line.text("--codec", Codecs.defaultCodec().name()))
                    .quality((int) line.whole("--quality", SenderConfig.DEFAULT_QUALITY, 1, 100))
                    .encoders((int) line.whole("--encoders", 0, 1, SenderConfig.MAX_THREADS))
                    .senders((int) line.whole("--senders", 0, 1, SenderConfig.MAX_THREADS))
                    .transport(line.text("--transport", Transports.defaultTransport().name()))
                    .segmentBytes((int) line.whole("--segment-size", CountdownPacketizer.MAX_SEGMENT_BYTES,
                            CountdownPacketizer.MIN_SEGMENT_BYTES, CountdownPacketizer.MAX_SEGMENT_BYTES))
                    .lossProbability(line.decimal("--simulate-loss", 0, 0, 0.99))
                    .record(line.has("--record") ? Path.of(line.text("--record", null)) : null)
                    .preview(line.has("--preview"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The complaint about a host that does not resolve; {@code HOST:PORT} is answered with --port. */
    private static String unknownHost(String host) {
        Matcher withPort = HOST_WITH_PORT.matcher(host);
        if (withPort.matches()) {
            String bare = withPort.group(1).replaceAll("^\\[(.*)]$", "$1");
            return "--host takes a host alone, was '" + host + "': give the port with --port, as in --host " + bare
                    + " --port " + withPort.group(2);
        }
        return "--host names an unknown host '" + host + "'";
    }

    /** The packet format {@code --protocol} names. */
    private static PacketFormat packetFormat(CommandLine line) throws UsageException {
        try {
            return PacketFormats.named(line.text("--protocol", PacketFormats.defaultFormat().name()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Parses {@code WxH}, such as {@code 1280x720}. */
    static Dimension parseSize(String text) throws UsageException {
        String[] parts = text.toLowerCase().split("x");
        if (parts.length == 2 && parts[0].matches("[0-9]{1,5}") && parts[1].matches("[0-9]{1,5}")) {
            int width = Integer.parseInt(parts[0]);
            int height = Integer.parseInt(parts[1]);
            if (width >= FrameLimits.MIN_WIDTH && height >= FrameLimits.MIN_HEIGHT
                    && width <= FrameLimits.MAX_DIMENSION && height <= FrameLimits.MAX_DIMENSION) {
                return new Dimension(width, height);
            }
        }
        throw new UsageException("--size must be WxH from " + FrameLimits.MIN_WIDTH + "x" + FrameLimits.MIN_HEIGHT
                + " to " + FrameLimits.MAX_DIMENSION + "x" + FrameLimits.MAX_DIMENSION + ", such as 1280x720, was '"
                + text + "'");
    }
}
