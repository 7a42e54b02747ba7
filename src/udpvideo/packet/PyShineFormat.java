package udpvideo.packet;

/**
 * PyShine's format: each frame one datagram, the frame's bytes in base64 ({@link PyShinePacketizer},
 * {@link PyShineDepacketizer}). No stamp: PyShine's client would not read it, and one datagram has no room to
 * spare. The receiver vouches for such frames by decoding them.
 */
final class PyShineFormat implements PacketFormat {
    /** The port PyShine's tutorial uses. */
    static final int TUTORIAL_PORT = 9688;
    /** PyShine's server resizes every frame to 400 pixels wide, so that it fits one datagram. */
    static final int TUTORIAL_WIDTH = 400;

    @Override
    public String name() {
        return "pyshine";
    }

    @Override
    public int defaultPort() {
        return TUTORIAL_PORT;
    }

    @Override
    public int defaultWidth() {
        return TUTORIAL_WIDTH;
    }

    @Override
    public boolean carriesStamp() {
        return false;
    }

    @Override
    public boolean isFramePerDatagram() {
        return true;
    }

    /** PyShine's packetizer; {@code segmentBytes} does not apply: a frame is never cut. */
    @Override
    public Packetizer newPacketizer(int segmentBytes) {
        return new PyShinePacketizer();
    }

    /** PyShine's depacketizer; {@code frameStart} is not needed: every datagram is a frame of its own. */
    @Override
    public Depacketizer newDepacketizer(FrameStart frameStart) {
        return new PyShineDepacketizer();
    }
}
