package udpvideo.transport;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Warns, once, when the receive buffer the system granted cannot hold the burst of datagrams one frame arrives in,
 * judged from the frames that arrive: such a buffer overflows whenever the receive thread is a moment late, and
 * the frame is lost. A buffer the system capped below what was asked is no reason to warn while frames fit in it.
 *
 * <p>A frame's burst is the frame, except that a frame above {@link UdpTransmitter#SPREAD_ABOVE_BYTES} leaves our
 * sender in bursts of {@link UdpTransmitter#BURST_BYTES}. Called on the receive thread only.
 */
final class ReceiveBufferCheck {
    /** What is suggested holds a few bursts, for a receive thread that was descheduled through one or two. */
    private static final int BURSTS_SUGGESTED = 4;
    private static final int MIB = 1024 * 1024;

    private final int grantedBytes;
    private final int askedBytes;
    private final PrintStream log;
    private boolean hasWarned;

    /**
     * @param grantedBytes the receive buffer the system granted (SO_RCVBUF as read back)
     * @param askedBytes   what {@code --rcvbuf} asked for
     * @param log          where the one warning goes
     */
    ReceiveBufferCheck(int grantedBytes, int askedBytes, PrintStream log) {
        this.grantedBytes = grantedBytes;
        this.askedBytes = askedBytes;
        this.log = log;
    }

    /** A datagram of {@code bytes} arrived: one larger than the buffer says as much as a frame would. */
    void datagram(int bytes) {
        if (!hasWarned && bytes > grantedBytes) {
            warn(String.format(Locale.ROOT, "a datagram of %,d bytes", bytes), bytes);
        }
    }

    /** A frame of {@code bytes} completed. */
    void frame(int bytes) {
        int burstBytes = bytes > UdpTransmitter.SPREAD_ABOVE_BYTES ? UdpTransmitter.BURST_BYTES : bytes;
        if (!hasWarned && burstBytes > grantedBytes) {
            warn(String.format(Locale.ROOT, "a frame of %,d bytes in one burst", burstBytes), burstBytes);
        }
    }

    private void warn(String what, int burstBytes) {
        hasWarned = true;
        log.println(warning(what, burstBytes)); // once a run: a single line cannot back the socket up
    }

    /** The warning for {@code what} that arrived, {@code burstBytes} at once: what happens, and what to do. */
    String warning(String what, int burstBytes) {
        long suggested = Math.min(Integer.MAX_VALUE, Math.max(UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES,
                ((long) burstBytes * BURSTS_SUGGESTED + MIB - 1) / MIB * MIB));
        String granted = grantedBytes < askedBytes
                ? String.format(Locale.ROOT, "the system granted %,d of the %,d bytes asked for", grantedBytes,
                        askedBytes)
                : grantedBytes == askedBytes ? String.format(Locale.ROOT, "%,d bytes, as asked", grantedBytes)
                : String.format(Locale.ROOT, "%,d bytes granted for the %,d asked", grantedBytes, askedBytes);
        String remedy = suggested > askedBytes
                ? String.format(Locale.ROOT, "Ask for more with --rcvbuf %d and, if the system caps it, raise the cap:"
                        + " 'sudo sysctl -w net.core.rmem_max=%d'", suggested, suggested)
                : String.format(Locale.ROOT, "Raise the system's cap: 'sudo sysctl -w net.core.rmem_max=%d'",
                        askedBytes);
        return String.format(Locale.ROOT, "warning: %s arrived, more than the receive buffer holds (%s): it loses"
                + " datagrams, and so frames, whenever the receive thread falls a moment behind. %s", what, granted,
                remedy);
    }
}
