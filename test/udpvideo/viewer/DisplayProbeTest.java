package udpvideo.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against stand-in X servers: a Unix socket in a temporary folder, a TCP port on loopback. */
class DisplayProbeTest {
    /** A base port that puts display :n on port BASE + n; the tests use free ports found at run time. */
    private static final int BASE = 0;

    @Test
    void localDisplayWithAListeningSocketIsReachable(@TempDir Path sockets) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sockets.resolve("X5")));
            assertNull(DisplayProbe.unreachableReason(":5", sockets, BASE));
            assertNull(DisplayProbe.unreachableReason(":5.0", sockets, BASE));
            assertNull(DisplayProbe.unreachableReason("unix:5", sockets, BASE));
        }
    }

    @Test
    void localDisplayWithoutASocketIsNot(@TempDir Path sockets) {
        assertEquals("nothing listens at " + sockets.resolve("X77"),
                DisplayProbe.unreachableReason(":77", sockets, BASE));
    }

    @Test
    void localDisplayWhoseServerIsGoneIsNot(@TempDir Path sockets) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sockets.resolve("X6")));
        } // closed, and its socket file left behind, as a crashed X server leaves it
        String reason = DisplayProbe.unreachableReason(":6", sockets, BASE);
        assertTrue(reason != null && reason.startsWith("nothing answers at " + sockets.resolve("X6")), reason);
    }

    @Test
    void remoteDisplayIsReachableWhenItsPortAnswers(@TempDir Path sockets) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertNull(DisplayProbe.unreachableReason("127.0.0.1:" + port + ".0", sockets, BASE));
        }
    }

    @Test
    void remoteDisplayIsNotWhenNothingListensOnItsPort(@TempDir Path sockets) throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        String reason = DisplayProbe.unreachableReason("127.0.0.1:" + port, sockets, BASE);
        assertTrue(reason != null && reason.startsWith("nothing answers on 127.0.0.1 port " + port), reason);
    }

    @Test
    void displayNotOfXsFormIsNotReachable(@TempDir Path sockets) {
        for (String display : new String[] {"wayland-0", ":x", "host:"}) {
            assertEquals("it is not of the form host:number, such as :0 or localhost:10.0",
                    DisplayProbe.unreachableReason(display, sockets, BASE), display);
        }
    }

    @Test
    void noDisplaySetIsNoneOfItsBusiness(@TempDir Path sockets) {
        assertNull(DisplayProbe.unreachableReason(null, sockets, BASE));
        assertNull(DisplayProbe.unreachableReason("", sockets, BASE));
    }
}
