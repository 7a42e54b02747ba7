package udpvideo.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Which failures get the out-of-memory hint: the error itself, or anything it caused on the way out. */
class ProgramTest {
    @Test
    void outOfMemoryIsRecognisedItselfAndAsACause() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertTrue(Program.isOutOfMemory(oom));
        assertTrue(Program.isOutOfMemory(new IOException("encoding frame 7", new RuntimeException(oom))));
        assertTrue(Program.isOutOfMemory(new ExecutionException(oom)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(Program.isOutOfMemory(new IOException("disk full")));
        assertFalse(Program.isOutOfMemory(new StackOverflowError()));
    }

    @Test
    void aLoopOfCausesEnds() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);
        assertFalse(Program.isOutOfMemory(first));
    }
}
