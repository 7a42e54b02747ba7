package udpvideo.viewer;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether this program can open a window, asked before Java's graphics start.
 *
 * <p>On Linux and the other X11 systems, Java runs headless when {@code DISPLAY} is not set, but when it is set
 * and names a display that is gone (common after an SSH or tmux reconnect), the first use of AWT, even drawing
 * into an image, throws {@code java.awt.AWTError}, and nothing can undo that in this JVM. So a program asks
 * {@link #unreachable()} first, and if the display cannot be reached, calls {@link #useNone()} and goes on as if
 * {@code DISPLAY} were not set. The check connects to the display's socket as Xlib would (the local socket
 * {@code /tmp/.X11-unix/X<n>} or its abstract twin, else TCP port 6000 + n) and closes it again: it says whether
 * an X server listens there, not whether it will let us in (a refused login still fails in AWT).
 */
public final class Display {
    /** Where X servers put their local sockets. */
    private static final Path X11_SOCKET_DIRECTORY = Path.of("/tmp/.X11-unix");
    /** X's TCP port for display 0; display n listens on this + n. */
    private static final int X11_TCP_PORT = 6000;
    /** How long a TCP display may take to answer; a remote one that drops packets would hang us otherwise. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    /** {@code [protocol/][host]:number[.screen]}, Xlib's form of DISPLAY. */
    private static final Pattern X11_DISPLAY = Pattern.compile("(?:([a-z]+)/)?(.*):([0-9]{1,5})(?:\\.[0-9]+)?");

    /** DISPLAY's value when probed and found unreachable, "" when probed and fine; null before the probe. */
    private static String probed;

    private Display() {
    }

    /**
     * {@code DISPLAY}'s value when it is set but no X server answers there; null when it is not set, answers,
     * or this system does not use X11 for Java's windows (macOS, Windows). Touches no AWT class. The answer is
     * found once and kept: a display that comes back later is of no use to a JVM that went headless.
     */
    public static synchronized String unreachable() {
        if (probed == null) {
            String display = System.getenv("DISPLAY");
            boolean isX11 = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).matches("(mac|windows).*");
            boolean isUnreachable = isX11 && display != null && !display.isEmpty()
                    && !isReachable(display, X11_SOCKET_DIRECTORY);
            probed = isUnreachable ? display : "";
        }
        return probed.isEmpty() ? null : probed;
    }

    /**
     * Why no window can open, for a message ("the display DISPLAY=:77 cannot be reached", "no display found"),
     * or null when one can. Asks {@link #unreachable()} first, so that a caller may still {@link #useNone()}.
     */
    public static String absence() {
        String gone = unreachable();
        if (gone != null) {
            return "the display DISPLAY=" + gone + " cannot be reached";
        }
        return GraphicsEnvironment.isHeadless() ? "no display found" : null;
    }

    /**
     * Makes this JVM headless, as if {@code DISPLAY} were not set: images are still drawn, no window can open.
     * Only works before the first use of AWT's graphics, so a program's {@code main} calls it first thing.
     */
    public static void useNone() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Whether an X server listens at {@code display}, a value of {@code DISPLAY}, with local sockets in
     * {@code socketDirectory}. A value not in Xlib's form is left for AWT to judge: true.
     */
    static boolean isReachable(String display, Path socketDirectory) {
        Matcher parts = X11_DISPLAY.matcher(display);
        if (!parts.matches()) {
            return true;
        }
        String protocol = parts.group(1);
        String host = parts.group(2);
        int number = Integer.parseInt(parts.group(3));
        boolean isUnixOnly = "unix".equals(protocol) || host.equals("unix");
        if (host.isEmpty() || isUnixOnly) {
            String socket = socketDirectory.resolve("X" + number).toString();
            if (acceptsLocal(socket) || listensAbstract(socket)) {
                return true;
            }
            if (isUnixOnly || protocol != null) {
                return false;
            }
            host = "localhost"; // ":n" with no local socket: Xlib tries TCP on this machine next
        }
        return acceptsTcp(host, X11_TCP_PORT + number);
    }

    private static boolean acceptsLocal(String socket) {
        if (!Files.exists(Path.of(socket))) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException | UnsupportedOperationException e) {
            return false; // a socket file left by a server that is gone refuses the connection
        }
    }

    /**
     * Whether Linux lists an abstract socket named like the file (X servers bind both): a container may share
     * the host's network but not its /tmp. Java cannot connect to an abstract socket, so being listed must do.
     */
    private static boolean listensAbstract(String socket) {
        Path table = Path.of("/proc/net/unix");
        if (!Files.isReadable(table)) {
            return false;
        }
        try (var lines = Files.lines(table)) {
            return lines.anyMatch(line -> line.endsWith(" @" + socket));
        } catch (IOException | UncheckedIOException e) {
            return false; // no table to read: the file socket was the only way
        }
    }

    private static boolean acceptsTcp(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
