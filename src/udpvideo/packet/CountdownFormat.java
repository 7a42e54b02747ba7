package udpvideo.packet;

/**
 * The classic tutorial's format: a frame cut into datagrams of at most 65,472 bytes, each behind a one-byte
 * countdown ({@link CountdownPacketizer}, {@link CountdownDepacketizer}). The default.
 */
final class CountdownFormat implements PacketFormat {
    /** The port the classic tutorial uses. */
    static final int TUTORIAL_PORT = 12345;

    @Override
    public String name() {
        return "countdown";
    }

    @Override
    public int defaultPort() {
        return TUTORIAL_PORT;
    }

    @Override
    public int defaultWidth() {
        return 0; // up to 255 datagrams a frame: room for any camera's picture as it is
    }

    @Override
    public boolean carriesStamp() {
        return true;
    }

    @Override
    public boolean isFramePerDatagram() {
        return false;
    }

    @Override
    public Packetizer newPacketizer(int segmentBytes) {
        return new CountdownPacketizer(segmentBytes);
    }

    @Override
    public Depacketizer newDepacketizer(FrameStart frameStart) {
        return new CountdownDepacketizer(frameStart);
    }
}
