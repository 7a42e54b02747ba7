package udpvideo.viewer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether an X display answers, found as Xlib would look for it: a local socket for {@code :n}, TCP port
 * 6000 + n for {@code host:n}. The local sockets live in a folder of the test's own; the TCP displays are ports
 * it binds on loopback, and ports it just freed, where nothing listens.
 */
class DisplayTest {
    @TempDir
    Path sockets;

    @Test
    void localDisplayWithAListeningSocketIsReachable() throws IOException {
        int number = numberWithNothingOnTcp();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sockets.resolve("X" + number)));
            assertTrue(Display.isReachable(":" + number, sockets));
            assertTrue(Display.isReachable(":" + number + ".0", sockets), "with a screen number");
            assertTrue(Display.isReachable("unix:" + number, sockets));
        }
    }

    @Test
    void localDisplayWhoseServerIsGoneIsUnreachable() throws IOException {
        int number = numberWithNothingOnTcp();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sockets.resolve("X" + number)));
        }
        // the socket file stays behind, as a crashed X server leaves it, and refuses connections
        assertTrue(sockets.resolve("X" + number).toFile().exists());
        assertFalse(Display.isReachable(":" + number, sockets));
        assertFalse(Display.isReachable("unix:" + number, sockets));
    }

    @Test
    void localDisplayWithoutSocketFileIsUnreachable() throws IOException {
        assertFalse(Display.isReachable(":" + numberWithNothingOnTcp(), sockets));
    }

    @Test
    void tcpDisplayIsReachableWhileItsPortListens() throws IOException {
        int number;
        try (ServerSocket server = new ServerSocket()) {
            number = bindAboveX11Base(server);
            assertTrue(Display.isReachable("127.0.0.1:" + number, sockets));
            assertTrue(Display.isReachable("tcp/127.0.0.1:" + number + ".0", sockets));
            // ":n" without a local socket tries TCP on this machine, as Xlib does
            assertTrue(Display.isReachable(":" + number, sockets));
        }
        assertFalse(Display.isReachable("127.0.0.1:" + number, sockets), "port closed");
    }

    @Test
    void hostThatDoesNotResolveIsUnreachable() {
        assertFalse(Display.isReachable("no-such-host.invalid:0", sockets));
    }

    @Test
    void valueNotInXlibFormIsLeftForAwtToJudge() {
        assertTrue(Display.isReachable("wayland-0", sockets));
        assertTrue(Display.isReachable(":x", sockets));
    }

    /** A display number n whose TCP port 6000 + n nothing listens on (a port the system just handed out). */
    private static int numberWithNothingOnTcp() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            return bindAboveX11Base(probe);
        }
    }

    /** Binds {@code server} on loopback to a free port above 6000 and returns its display number, port - 6000. */
    private static int bindAboveX11Base(ServerSocket server) throws IOException {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = server.getLocalPort();
        if (port <= 6000) {
            throw new IllegalStateException("the system handed out port " + port + ", below X's 6000");
        }
        return port - 6000;
    }
}
