package udpvideo.transport;

/**
 * What a transmitter could not deliver, so far.
 *
 * @param packetsDropped packets dropped on purpose ({@code --simulate-loss})
 * @param sendErrors     packets the operating system refused to send
 * @param lastSendError  the last send error's message, or null
 */
public record TransmitCounts(long packetsDropped, long sendErrors, String lastSendError) {
}
