package udpvideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Set<String> VALUED = Set.of("--host", "--port", "--quality", "--simulate-loss", "--fps");
    private static final Set<String> FLAGS = Set.of("--headless", "--help");

    private static CommandLine parse(String... args) throws UsageException {
        return CommandLine.parse(args, VALUED, FLAGS);
    }

    private static String parseFailure(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void anIntegersLimitIsARangeToSay() {
        UsageException e = assertThrows(UsageException.class,
                () -> parse("--port", "2147483648").whole("--port", 0, 1024, Integer.MAX_VALUE));
        assertEquals("--port must be 1024..2147483647, was 2147483648", e.getMessage());
    }

    @Test
    void readsAValueAfterASpace() throws UsageException {
        CommandLine line = parse("--port", "5000");
        assertEquals("5000", line.text("--port", "12345"));
        assertEquals(5000, line.whole("--port", 12345, 0, 65_535));
    }

    @Test
    void readsAValueAfterAnEqualsSign() throws UsageException {
        assertEquals(5000, parse("--port=5000").whole("--port", 12345, 0, 65_535));
    }

    @Test
    void keepsEqualsSignsInsideTheValue() throws UsageException {
        assertEquals("a=b", parse("--host=a=b").text("--host", null));
    }

    @Test
    void acceptsAnEmptyValueAfterAnEqualsSign() throws UsageException {
        assertEquals("", parse("--host=").text("--host", "fallback"));
    }

    @Test
    void readsANegativeNumberAsAValue() throws UsageException {
        CommandLine line = parse("--fps", "-1");
        UsageException e = assertThrows(UsageException.class, () -> line.whole("--fps", 30, 0, 1000));
        assertEquals("--fps must be 0..1000, was -1", e.getMessage());
    }

    @Test
    void flagIsPresentWithoutAValue() throws UsageException {
        CommandLine line = parse("--headless", "--port", "1");
        assertTrue(line.has("--headless"));
        assertEquals("", line.text("--headless", null));
        assertFalse(line.has("--help"));
    }

    @Test
    void absentOptionsGiveTheirFallbacks() throws UsageException {
        CommandLine line = parse();
        assertFalse(line.has("--port"));
        assertEquals("127.0.0.1", line.text("--host", "127.0.0.1"));
        assertEquals(12345, line.whole("--port", 12345, 0, 65_535));
        assertEquals(0.25, line.decimal("--simulate-loss", 0.25, 0, 1));
    }

    @Test
    void unknownOptionIsNamed() {
        assertEquals("unknown option --colour (see --help)", parseFailure("--port", "1", "--colour", "red"));
    }

    @Test
    void unknownOptionWithEqualsIsNamedWithoutItsValue() {
        assertEquals("unknown option --colour (see --help)", parseFailure("--colour=red"));
    }

    @Test
    void argumentThatIsNotAnOptionIsRefused() {
        assertEquals("unexpected argument 'camera' (options start with --; see --help)", parseFailure("camera"));
    }

    @Test
    void singleDashOptionIsRefused() {
        assertTrue(parseFailure("-h").startsWith("unexpected argument '-h'"));
    }

    @Test
    void missingValueIsNamed() {
        assertEquals("--port needs a value (see --help)", parseFailure("--headless", "--port"));
    }

    @Test
    void flagGivenAValueIsRefused() {
        assertEquals("--headless takes no value, was given 'yes'", parseFailure("--headless=yes"));
    }

    @Test
    void repeatedOptionIsRefused() {
        assertEquals("--port is given more than once", parseFailure("--port", "1", "--port=2"));
    }

    @Test
    void repeatedFlagIsRefused() {
        assertEquals("--headless is given more than once", parseFailure("--headless", "--headless"));
    }

    @Test
    void wholeNumberBelowTheRangeIsRefusedWithTheRangeAndTheValue() throws UsageException {
        CommandLine line = parse("--quality", "0");
        UsageException e = assertThrows(UsageException.class, () -> line.whole("--quality", 80, 1, 100));
        assertEquals("--quality must be 1..100, was 0", e.getMessage());
    }

    @Test
    void wholeNumberAboveTheRangeIsRefused() throws UsageException {
        CommandLine line = parse("--quality=101");
        UsageException e = assertThrows(UsageException.class, () -> line.whole("--quality", 80, 1, 100));
        assertEquals("--quality must be 1..100, was 101", e.getMessage());
    }

    @Test
    void wholeNumberLimitsAreAllowed() throws UsageException {
        assertEquals(1, parse("--quality", "1").whole("--quality", 80, 1, 100));
        assertEquals(100, parse("--quality", "100").whole("--quality", 80, 1, 100));
    }

    @Test
    void wholeNumberThatIsNotANumberIsRefused() throws UsageException {
        CommandLine line = parse("--quality", "high");
        UsageException e = assertThrows(UsageException.class, () -> line.whole("--quality", 80, 1, 100));
        assertEquals("--quality must be a whole number 1..100, was 'high'", e.getMessage());
    }

    @Test
    void wholeNumberWithAFractionIsRefused() throws UsageException {
        CommandLine line = parse("--port", "80.5");
        UsageException e = assertThrows(UsageException.class, () -> line.whole("--port", 1, 0, 65_535));
        assertEquals("--port must be a whole number 0..65535, was '80.5'", e.getMessage());
    }

    @Test
    void wholeNumberMayBeWrittenWithUnderscores() throws UsageException {
        assertEquals(65_472, parse("--port", "65_472").whole("--port", 1, 0, 65_535));
    }

    @Test
    void decimalInRangeIsRead() throws UsageException {
        assertEquals(0.05, parse("--simulate-loss", "0.05").decimal("--simulate-loss", 0, 0, 1));
    }

    @Test
    void decimalOutOfRangeIsRefusedWithTheTextTyped() throws UsageException {
        CommandLine line = parse("--simulate-loss", "1.5");
        UsageException e = assertThrows(UsageException.class, () -> line.decimal("--simulate-loss", 0, 0, 1));
        assertEquals("--simulate-loss must be 0..1, was 1.5", e.getMessage());
    }

    @Test
    void decimalRangeWithFractionalLimitsIsShownAsTyped() throws UsageException {
        CommandLine line = parse("--fps", "0.1");
        UsageException e = assertThrows(UsageException.class, () -> line.decimal("--fps", 30, 0.5, 240));
        assertEquals("--fps must be 0.5..240, was 0.1", e.getMessage());
    }

    @Test
    void decimalThatIsNotANumberIsRefused() throws UsageException {
        CommandLine line = parse("--simulate-loss", "lots");
        UsageException e = assertThrows(UsageException.class, () -> line.decimal("--simulate-loss", 0, 0, 1));
        assertEquals("--simulate-loss must be a number 0..1, was 'lots'", e.getMessage());
    }

    @Test
    void decimalNotANumberValueIsRefused() throws UsageException {
        CommandLine line = parse("--simulate-loss", "NaN");
        UsageException e = assertThrows(UsageException.class, () -> line.decimal("--simulate-loss", 0, 0, 1));
        assertEquals("--simulate-loss must be 0..1, was NaN", e.getMessage());
    }
}
