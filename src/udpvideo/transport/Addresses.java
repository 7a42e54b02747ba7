package udpvideo.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
