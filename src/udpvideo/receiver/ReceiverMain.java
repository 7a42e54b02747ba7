package udpvideo.receiver;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import udpvideo.cli.CommandLine;
import udpvideo.cli.Program;
import udpvideo.cli.StopSignal;
import udpvideo.cli.UsageException;
import udpvideo.transport.Addresses;
import udpvideo.transport.Transports;
import udpvideo.viewer.DisplayProbe;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.viewer.OffscreenView;

/** {@code run-receiver.sh}: parses the options, starts a {@link Receiver} and a view, and waits for the end. */
public final class ReceiverMain {
    private static final String HELP = """
            Usage: run-receiver.sh [options]
            Receives a udpvideo (or tutorial) stream, over UDP or TCP, and shows it in a window.

              --transport T     how frames travel, one of TRANSPORTS (default udp, the tutorial's)
              --port N          port to listen on (default 12345; 0 picks a free port)
              --bind ADDR       local address to listen on; an IPv4 one, 0.0.0.0 included, listens on
                                IPv4 only (default: every interface, IPv4 and IPv6)
              --from HOST       accept frames from this host only (default: any)
              --headless        no window: print the stats once a second instead
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
            """.replace("TRANSPORTS", Transports.names());
    private static final Set<String> VALUED = Set.of("--port", "--bind", "--from", "--record", "--frames",
            "--duration", "--rcvbuf", "--transport");
    private static final Set<String> FLAGS = Set.of("--headless");

    private static final Program PROGRAM = new Program("run-receiver.sh", HELP, VALUED, FLAGS);

    private ReceiverMain() {
    }

    /** Entry point of {@code run-receiver.sh}. */
    public static void main(String[] args) {
        PROGRAM.runAndExit(args, ReceiverMain::receive);
    }

    private static void receive(CommandLine options, StopSignal stop) throws UsageException, IOException {
        ReceiverConfig config = config(options);
        double durationSeconds = options.decimal("--duration", 0, 0, 1e9);
        Receiver receiver = Receiver.start(config, view(options.has("--headless"), stop), stop, System.err);
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
            return ReceiverConfig.onPort((int) line.whole("--port", ReceiverConfig.DEFAULT_PORT, 0, 65_535))
                    .transport(line.text("--transport", Transports.defaultTransport().name()))
                    .bind(line.has("--bind") ? resolve("--bind", line.text("--bind", null)) : null)
                    .onlyFrom(line.has("--from") ? resolve("--from", line.text("--from", null)) : null)
                    .record(line.has("--record") ? Path.of(line.text("--record", null)) : null)
                    .frameLimit(line.whole("--frames", 0, 1, Long.MAX_VALUE))
                    .receiveBuffer((int) line.whole("--rcvbuf", ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, 1024,
                            Integer.MAX_VALUE))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
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
     * The window, or the offscreen view when asked for or when there is no display, or one that cannot be reached.
     * Runs before anything draws: AWT decides once whether it has a display, and fails for good on one it cannot
     * reach.
     */
    private static FrameView view(boolean isHeadless, StopSignal stop) {
        if (isHeadless) {
            DisplayProbe.runHeadless(); // even a DISPLAY that cannot be reached must not stop offscreen drawing
        } else {
            String unreachable = DisplayProbe.unreachableReason();
            if (unreachable != null) {
                DisplayProbe.runHeadless();
                System.err.println("run-receiver.sh: the display DISPLAY=" + System.getenv("DISPLAY")
                        + " cannot be reached (" + unreachable + "), running headless (--headless hides this notice)");
            } else if (!GraphicsEnvironment.isHeadless()) {
                return FrameWindow.open("udpvideo", () -> stop.stop("window closed"));
            } else {
                System.err.println(
                        "run-receiver.sh: no display found, running headless (--headless hides this notice)");
            }
        }
        return new OffscreenView(System.err);
    }
}
