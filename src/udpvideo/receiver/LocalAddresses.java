package udpvideo.receiver;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import udpvideo.transport.Addresses;

/**
 * This machine's own addresses, for listening: which one means "every interface", and whether an address a user
 * gave to {@code --bind} is one of them (a bind to another's fails with "Cannot assign requested address", which
 * must not read as a port in use).
 */
final class LocalAddresses {
    /** Enough of the machine's addresses for a user to pick one from. */
    private static final int MAX_LISTED = 6;

    private LocalAddresses() {
    }

    /**
     * Every interface in both families: the IPv6 wildcard {@code ::}, which Java opens to IPv4 too, or the IPv4
     * wildcard where this JVM has no IPv6. (An IPv4 address, {@code 0.0.0.0} included, binds IPv4 only.)
     */
    static InetAddress everyInterface() throws IOException {
        try {
            DatagramChannel.open(StandardProtocolFamily.INET6).close(); // only to learn whether it can be opened
            return InetAddress.getByName("::");
        } catch (UnsupportedOperationException e) {
            return InetAddress.getByName("0.0.0.0"); // no IPv6 here (or -Djava.net.preferIPv4Stack)
        }
    }

    /** Whether a socket may be bound to {@code address} here: a wildcard, a loopback or an interface's address. */
    static boolean isThisMachines(InetAddress address) {
        try {
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell: do not claim the address is foreign
        }
    }

    /**
     * This machine's addresses for a message, IPv4 first, such as "127.0.0.1, 192.168.1.20, ::1"; link-local ones
     * left out.
     */
    static String list() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (Iterator<NetworkInterface> it = NetworkInterface.networkInterfaces().iterator(); it.hasNext()
                    && addresses.size() < MAX_LISTED; ) {
                NetworkInterface network = it.next();
                if (!network.isUp()) {
                    continue;
                }
                for (Iterator<InetAddress> ips = network.inetAddresses().iterator(); ips.hasNext()
                        && addresses.size() < MAX_LISTED; ) {
                    InetAddress ip = ips.next();
                    if (!ip.isLinkLocalAddress()) {
                        addresses.add(ip);
                    }
                }
            }
        } catch (SocketException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        addresses.sort(Comparator.comparing(ip -> ip instanceof Inet6Address)); // IPv4 first, as people look
        return addresses.stream().map(LocalAddresses::written).collect(Collectors.joining(", "));
    }

    /** {@code 192.168.1.20}, or {@code ::1} for IPv6: as {@link Addresses#format} writes it, without the port. */
    static String written(InetAddress ip) {
        String withPort = Addresses.format(new InetSocketAddress(ip, 0));
        String host = withPort.substring(0, withPort.lastIndexOf(':'));
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int scope = host.indexOf('%'); // ::1%lo: the interface is not part of what a user types
        return scope < 0 ? host : host.substring(0, scope);
    }
}
