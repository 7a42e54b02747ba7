package udpvideo.packet;

/**
 * Cuts one encoded frame, of any codec, into the packets a datagram transport sends, one packet per datagram.
 * Pure and immutable: safe to share between threads.
 */
public interface Packetizer {
    /** The size of the largest packet this packetizer writes. */
    int maxPacketBytes();

    /** The largest frame it can carry, in bytes: {@link #packetCount} refuses any larger. */
    int maxFrameBytes();

    /**
     * How many packets a frame of {@code frameBytes} needs.
     *
     * @throws FrameTooLargeException when the format cannot carry a frame that large: nothing may be sent
     */
    int packetCount(int frameBytes) throws FrameTooLargeException;

    /**
     * Writes packet {@code index} (0 = first) of the frame in {@code frame[0, frameLength)} into {@code out}, a
     * buffer of at least {@link #maxPacketBytes()} bytes, and returns its length.
     */
    int writePacket(byte[] frame, int frameLength, int index, byte[] out) throws FrameTooLargeException;
}
