package udpvideo.receiver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import udpvideo.cli.CommandLine;
import udpvideo.cli.Program;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;
import udpvideo.transport.Addresses;
import udpvideo.transport.Transports;
import udpvideo.viewer.Display;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.viewer.OffscreenView;
import udpvideo.viewer.StatusEcho;

/** {@code run-receiver.sh}: parses the options, starts a {@link Receiver} and a view, and waits for the end. */
public final class ReceiverMain {
    private static final String HELP = """
            Usage: run-receiver.sh [options]
            Receives a udpvideo (or tutorial) stream, over UDP or TCP, and shows it in a window.

              --transport T     how frames travel, one of TRANSPORTS (default udp, the tutorial's)
              --protocol P      how frames come in UDP datagrams, one of PROTOCOLS (default countdown, the
                                classic tutorial's); pyshine takes each datagram as one JPEG in base64,
                                which carries no stamp, so only a clean decode vouches for it
              --connect H:P     UDP: say hello to the server at H:P (PyShine's, or run-sender.sh --listen)
                                from our own port, every second until frames come, then every 5 s, and
                                take datagrams from H:P only; IPv6 as [::1]:9688
              --port N          port to listen on (default 12345, 9688 with --protocol pyshine; with
                                --connect, a free one; 0 picks a free port)
              --bind ADDR       local address to listen on; an IPv4 one, 0.0.0.0 included, listens on
                                IPv4 only (default: every interface, IPv4 and IPv6)
              --from HOST       accept frames from this host only (default: any; with --connect, the server)
              --headless        no window (the status line still goes to the terminal)
              --quiet           no status line in the terminal (the summary at exit stays)
              --no-overlay      do not draw the shown frame rate (FPS) over the picture
              --record FILE     write every accepted frame, byte-exact, to FILE (replaces FILE; JPEG
                                frames make MJPEG)
              --frames N        exit with status 0 after N accepted frames
              --duration S      exit with status 0 after S seconds
              --rcvbuf BYTES    socket receive buffer to ask for, 1024..2147483647 (default 4194304 =
                                4 MiB); it warns once if a frame's burst does not fit what was granted
              --help            this text

            Prints 'listening on ADDR:PORT' once bound; with --record, the summary says at what rate to play
            the recording. Shows one sender at a time: the first whose frame passes every check, until it has
            been silent for a second. q, Esc or closing the window quits. Without a display, or with one that
            cannot be reached, it runs headless.
            Exit status: 0 done, 1 failure, 2 bad options, the port in use or an address not this machine's,
            130 after Ctrl-C.
            """.replace("TRANSPORTS", Transports.names()).replace("PROTOCOLS", PacketFormats.names());
    private static final Set<String> VALUED = Set.of("--port", "--bind", "--from", "--record", "--frames",
            "--duration", "--rcvbuf", "--transport", "--protocol", "--connect");
    private static final Set<String> FLAGS = Set.of("--headless", "--quiet", "--no-overlay");

    private static final Program PROGRAM = new Program("run-receiver.sh", HELP, VALUED, FLAGS);

    private ReceiverMain() {
    }

    /** Entry point of {@code run-receiver.sh}. */
    public static void main(String[] args) {
        PROGRAM.runAndExit(args, ReceiverMain::receive);
    }

    private static void receive(CommandLine options, StopSignal stop) throws UsageException, IOException {
        ReceiverConfig config = config(options);
        double durationSeconds = options.decimal("--duration", 0, 0.001, 1e9); // 0 would mean forever: refused
        Receiver receiver = Receiver.start(config, view(options.has("--headless"), options.has("--quiet"), stop),
                stop, System.err);
        try {
            System.out.println("listening on " + Addresses.format(receiver.localAddress()));
            System.out.flush();
            if (durationSeconds > 0) {
                if (!stop.await((long) (durationSeconds * 1e9))) {
                    stop.stop("ran for " + options.text("--duration", "") + " s");
                }
            } else {
                stop.awaitStop();
            }
        } finally {
            receiver.close(); // first, so that no status line can follow the summary
            System.err.println(receiver.summary());
        }
    }

    private static ReceiverConfig config(CommandLine line) throws UsageException {
        try {
            PacketFormat format = PacketFormats.named(line.text("--protocol", PacketFormats.defaultFormat().name()));
            InetSocketAddress server = line.has("--connect") ? connect(line.text("--connect", null)) : null;
            // a viewer that says hello needs no port of its own: the server answers wherever the hello came from
            int defaultPort = server != null ? 0 : format.defaultPort();
            return ReceiverConfig.onPort((int) line.whole("--port", defaultPort, 0, 65_535))
                    .protocol(format.name())
                    .connect(server)
                    .transport(line.text("--transport", Transports.defaultTransport().name()))
                    .bind(line.has("--bind") ? resolve("--bind", line.text("--bind", null)) : null)
                    .onlyFrom(line.has("--from") ? resolve("--from", line.text("--from", null)) : null)
                    .record(line.has("--record") ? Path.of(line.text("--record", null)) : null)
                    .frameLimit(line.whole("--frames", 0, 1, Long.MAX_VALUE))
                    .receiveBuffer((int) line.whole("--rcvbuf", ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, 1024,
                            Integer.MAX_VALUE))
                    .overlay(!line.has("--no-overlay"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static InetSocketAddress connect(String hostAndPort) throws UsageException {
        try {
            return Addresses.parse("--connect", hostAndPort);
        } catch (UnknownHostException e) {
            throw new UsageException("--connect names an unknown host in '" + hostAndPort + "'", e);
        }
    }

    private static InetAddress resolve(String option, String host) throws UsageException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException(option + " names an unknown host '" + host + "'", e);
        }
    }

    /**
     * The window, or the offscreen view when asked for or when there is no display, or one that cannot be
     * reached; either way the status line goes to the terminal too, unless {@code --quiet}. Runs before anything
     * draws: AWT decides once whether it has a display, and fails for good on one it cannot reach.
     */
    private static FrameView view(boolean isHeadless, boolean isQuiet, StopSignal stop) {
        PrintStream terminal = isQuiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
        if (isHeadless) {
            Display.useNone(); // even a DISPLAY that cannot be reached must not stop offscreen drawing
        } else {
            String absence = Display.absence();
            if (absence == null) {
                FrameWindow window = FrameWindow.open("udpvideo", () -> stop.stop("window closed"));
                return isQuiet ? window : new StatusEcho(window, terminal);
            }
            Display.useNone();
            System.err.println("run-receiver.sh: " + absence + ", running headless (--headless hides this notice)");
        }
        return new OffscreenView(terminal);
    }
}
