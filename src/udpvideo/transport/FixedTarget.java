package udpvideo.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/** The address {@code --host} and {@code --port} name, the same for every frame. */
record FixedTarget(InetSocketAddress address) implements DatagramTarget {
    FixedTarget {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public InetSocketAddress current() {
        return address;
    }

    @Override
    public boolean awaitTarget(long timeoutNanos) {
        return true; // known from the start
    }

    @Override
    public String description() {
        return Addresses.format(address);
    }

    @Override
    public void close() {
        // nothing runs to learn a fixed address
    }
}
