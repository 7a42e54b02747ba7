package udpvideo.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, over the newest samples only. */
class SamplesTest {
    @Test
    void hasNoPercentilesBeforeTheFirstSample() {
        assertNull(new Samples().millis(0.5));
    }

    @Test
    void percentilesUseTheNearestRank() {
        Samples samples = new Samples();
        for (int ms = 1; ms <= 100; ms++) {
            samples.record(ms * 1000L);
        }
        assertArrayEquals(new double[] {50, 95, 99, 100}, samples.millis(0.50, 0.95, 0.99, 1.0));
    }

    @Test
    void keepsOnlyTheNewestSamples() {
        Samples samples = new Samples();
        for (int i = 0; i < Samples.CAPACITY; i++) {
            samples.record(1_000_000); // an old second
        }
        for (int i = 0; i < Samples.CAPACITY; i++) {
            samples.record(2_000); // then 2 ms, as many times
        }
        assertArrayEquals(new double[] {2, 2}, samples.millis(0.5, 0.95));
    }

    @Test
    void forgetsEverythingOnClear() {
        Samples samples = new Samples();
        samples.record(5_000);
        samples.clear();
        assertNull(samples.millis(0.5));
    }
}
