package udpvideo.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Socket addresses written the way people write them, in every message of both programs. */
public final class Addresses {
    private Addresses() {
    }

    /** {@code 192.168.1.20:5000}, or {@code [::1]:5000} for IPv6 (the wildcard reads {@code [::]}). */
    public static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        if (ip instanceof Inet6Address) {
            return "[" + compress(ip.getHostAddress()) + "]:" + address.getPort();
        }
        return ip.getHostAddress() + ":" + address.getPort();
    }

    /**
     * Reads {@code HOST:PORT} as people write it: {@code 192.168.1.20:9688}, {@code camera-pc:9688}, or
     * {@code [::1]:9688} for IPv6, resolving the host.
     *
     * @param option the option it came with, for the message
     * @throws IllegalArgumentException when it is not of that form, or the port is not 1..65535
     * @throws UnknownHostException     when the host has no address
     */
    public static InetSocketAddress parse(String option, String text) throws UnknownHostException {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = ""; // an IPv6 address without brackets: its last group cannot be told from a port
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException(option + " must be HOST:PORT with PORT 1..65535, such as"
                    + " 192.168.1.20:9688 or [::1]:9688, was '" + text + "'");
        }
        return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
    }

    /** Java writes {@code 0:0:0:0:0:0:0:1}; people write {@code ::1}: fold the longest run of zero groups. */
    private static String compress(String ipv6) {
        String scope = "";
        int percent = ipv6.indexOf('%');
        if (percent >= 0) {
            scope = ipv6.substring(percent);
            ipv6 = ipv6.substring(0, percent);
        }
        String[] groups = ipv6.split(":");
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays as it is
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return ipv6 + scope;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }
}
