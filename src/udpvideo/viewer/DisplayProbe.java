package udpvideo.viewer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds out whether the X display that {@code DISPLAY} names can be reached, without touching AWT: a stale
 * {@code DISPLAY} (common after an SSH or tmux reconnect) makes AWT throw an {@code AWTError} the first time anything
 * draws, even into an offscreen image, and AWT decides once per JVM, so a program must know before it draws
 * anything whether to ask for a window or to run headless ({@link #runHeadless}).
 *
 * <p>It knocks at the door and does not log in: it connects to the X server's socket, {@code /tmp/.X11-unix/X<n>}
 * for {@code :n}, or TCP port 6000 + n of {@code host:n}, and closes it again. A server that answers but refuses
 * this user (no X authority) passes the probe and still fails in AWT.
 */
public final class DisplayProbe {
    /** Where X servers put their local sockets, {@code X0}, {@code X1}, ... */
    static final Path X11_SOCKET_DIRECTORY = Path.of("/tmp/.X11-unix");
    /** Display {@code host:n} listens on TCP port 6000 + n. */
    static final int X11_BASE_PORT = 6000;
    /** A display on another host that has not answered in this time will not do for video either. */
    static final int CONNECT_TIMEOUT_MS = 1_000;

    private DisplayProbe() {
    }

    /**
     * Why the display {@code DISPLAY} names cannot be reached, such as "nothing listens at /tmp/.X11-unix/X77";
     * null when it can be, when {@code DISPLAY} is not set (AWT then runs headless by itself), or on a system
     * whose Java does not draw through X (Windows, macOS). Call it before anything uses AWT.
     */
    public static String unreachableReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return null;
        }
        return unreachableReason(System.getenv("DISPLAY"), X11_SOCKET_DIRECTORY, X11_BASE_PORT);
    }

    /**
     * Makes AWT run without a display, as with {@code -Djava.awt.headless=true}: offscreen images still draw. Takes
     * effect only before anything has used AWT, which decides once.
     */
    public static void runHeadless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The probe, for {@code display} in X's form {@code [host]:number[.screen]}: a local socket in
     * {@code socketDirectory} when there is no host (or it is {@code unix}), else TCP port
     * {@code basePort + number} of the host.
     */
    static String unreachableReason(String display, Path socketDirectory, int basePort) {
        if (display == null || display.isBlank()) {
            return null;
        }
        String badForm = "it is not of the form host:number, such as :0 or localhost:10.0";
        int colon = display.lastIndexOf(':');
        if (colon < 0) {
            return badForm;
        }
        int dot = display.indexOf('.', colon + 1);
        int number;
        try {
            number = Integer.parseInt(display.substring(colon + 1, dot < 0 ? display.length() : dot));
        } catch (NumberFormatException e) {
            return badForm;
        }
        if (number < 0) {
            return badForm;
        }
        String host = display.substring(0, colon);
        int slash = host.indexOf('/'); // X also takes protocol/host:number
        String protocol = slash < 0 ? "" : host.substring(0, slash);
        host = host.substring(slash + 1).replace("[", "").replace("]", "");
        if (host.isEmpty() || host.equals("unix") || protocol.equals("unix")) {
            return unreachableSocket(socketDirectory.resolve("X" + number));
        }
        return unreachablePort(host, basePort + number);
    }

    private static String unreachableSocket(Path socket) {
        if (!Files.exists(socket)) {
            return "nothing listens at " + socket;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "nothing answers at " + socket + " (" + e.getMessage() + ")";
        }
    }

    private static String unreachablePort(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return "the host '" + host + "' is unknown";
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return "nothing answers on " + host + " port " + port + " (" + e.getMessage() + ")";
        }
    }
}
