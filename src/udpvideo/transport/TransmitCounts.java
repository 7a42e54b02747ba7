package udpvideo.transport;

/**
 * What a transmitter could not deliver, so far.
 *
 * @param packetsDropped packets dropped on purpose ({@code --simulate-loss})
 * @param sendErrors     packets the operating system refused to send
 * @param lastSendError  the last send error's message, or null
 * @param framesReplaced frames a newer one replaced before they could leave (a transport that keeps one in flight)
 */
public record TransmitCounts(long packetsDropped, long sendErrors, String lastSendError, long framesReplaced) {
}
