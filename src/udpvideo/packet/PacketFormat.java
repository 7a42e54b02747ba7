package udpvideo.packet;

/**
 * One way of putting frames into datagrams, on both sides: {@code --protocol} chooses it by name on the sender
 * and the receiver. A new format is one new class and one line in {@link PacketFormats}. Implementations are
 * stateless and shared; the packetizers and depacketizers they make follow their own rules.
 */
public interface PacketFormat {
    /** The name {@code --protocol} takes, such as {@code countdown}. */
    String name();

    /** The UDP port its tutorial uses, which {@code --port} defaults to with this format. */
    int defaultPort();

    /**
     * The width a sender resizes frames to unless {@code --width} says otherwise; 0 keeps the source's. A format
     * whose frame must fit one datagram starts from a small picture, as its tutorial does.
     */
    int defaultWidth();

    /** Whether frames travel with their stamp (frame number, capture time, CRC) inside the codec's container. */
    boolean carriesStamp();

    /**
     * Whether each frame is exactly one datagram. Such a format caps the picture tightly, so a sender lowers the
     * quality to fit it; a format that cuts frames has room for any sensible frame, and one too large is a
     * mistake to report.
     */
    boolean isFramePerDatagram();

    /** A packetizer that puts at most {@code segmentBytes} frame bytes in a datagram, where the format cuts frames. */
    Packetizer newPacketizer(int segmentBytes);

    /** A depacketizer for one sender's datagrams, which finds where a frame begins with {@code frameStart}. */
    Depacketizer newDepacketizer(FrameStart frameStart);
}
