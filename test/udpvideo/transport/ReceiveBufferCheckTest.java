package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveBufferCheckTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void saysNothingWhileFramesFitABufferTheSystemCapped() {
        // the case: 100,000,000 bytes asked, 4 MiB granted, 1080p JPEG frames
        ReceiveBufferCheck check = new ReceiveBufferCheck(4 * 1024 * 1024, 100_000_000, log);
        for (int i = 0; i < 100; i++) {
            check.datagram(65_473);
            check.frame(300_000);
        }
        assertEquals(List.of(), lines());
    }

    @Test
    void warnsOnceWhenAFrameDoesNotFit() {
        // the other case: --rcvbuf 1024 at 720p
        ReceiveBufferCheck check = new ReceiveBufferCheck(200_000, 200_000, log);
        check.frame(150_000);
        assertEquals(List.of(), lines());
        check.frame(250_000);
        check.frame(250_000);
        check.datagram(300_000);
        assertEquals(1, lines().size(), lines().toString());
        String warning = lines().get(0);
        assertTrue(warning.startsWith("warning: a frame of 250,000 bytes in one burst arrived, more than the"
                + " receive buffer holds (200,000 bytes, as asked)"), warning);
        assertTrue(warning.contains("--rcvbuf 4194304"), warning);
        assertTrue(warning.contains("'sudo sysctl -w net.core.rmem_max=4194304'"), warning);
    }

    @Test
    void aDatagramLargerThanTheBufferIsReasonEnough() {
        ReceiveBufferCheck check = new ReceiveBufferCheck(1_152, 1_024, log);
        check.datagram(65_473);
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).startsWith("warning: a datagram of 65,473 bytes arrived, more than the receive"
                + " buffer holds (1,152 bytes granted for the 1,024 asked)"), lines().get(0));
    }

    @Test
    void aCappedBufferNamesOnlyTheSysctlWhenEnoughWasAsked() {
        ReceiveBufferCheck check = new ReceiveBufferCheck(212_992, 4 * 1024 * 1024, log);
        check.frame(300_000);
        String warning = lines().get(0);
        assertTrue(warning.contains("(the system granted 212,992 of the 4,194,304 bytes asked for)"), warning);
        assertTrue(warning.endsWith("Raise the system's cap: 'sudo sysctl -w net.core.rmem_max=4194304'"), warning);
    }

    @Test
    void aSpreadFrameIsJudgedByItsBurstsNotItsSize() {
        // a raw 1080p frame leaves our sender in bursts of half a default buffer, which a default buffer holds
        ReceiveBufferCheck check = new ReceiveBufferCheck(4 * 1024 * 1024, 4 * 1024 * 1024, log);
        check.frame(6_220_824);
        assertEquals(List.of(), lines());
        ReceiveBufferCheck small = new ReceiveBufferCheck(1_000_000, 1_000_000, log);
        small.frame(6_220_824);
        assertTrue(lines().get(0).startsWith("warning: a frame of " + String.format(java.util.Locale.ROOT, "%,d", UdpTransmitter.BURST_BYTES)
                + " bytes in one burst"), lines().get(0));
    }
}
