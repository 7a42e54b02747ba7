package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Addresses as people write them. */
class AddressesTest {
    @Test
    void writesIpv4AsIs() throws Exception {
        assertEquals("192.168.1.20:5000",
                Addresses.format(new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 5000)));
    }

    @Test
    void writesIpv6CompressedInBrackets() throws Exception {
        assertEquals("[::1]:5000", Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 5000)));
        assertEquals("[::]:12345", Addresses.format(new InetSocketAddress(InetAddress.getByName("::"), 12345)));
        assertEquals("[fe80::1:0:0:2]:7", Addresses.format(
                new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:1:0:0:2"), 7)));
    }
}
