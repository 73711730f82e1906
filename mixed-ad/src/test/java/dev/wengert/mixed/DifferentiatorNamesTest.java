package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Every differentiator prints as its class and its settings, never as {@code Class@hash}. */
class DifferentiatorNamesTest {

    @Test
    void everyRegisteredDifferentiatorPrintsReadably() {
        for (Differentiator d : Differentiators.available()) {
            String s = d.toString();
            assertFalse(s.contains("@"), d.name() + " prints as " + s);
        }
        assertFalse(new DerivativeStructureDifferentiator().toString().contains("@"));
    }

    @Test
    void eachModePrintsItsSettings() {
        assertEquals("ReverseMode", new ReverseMode().toString());
        assertEquals("ForwardMode[chunkSize=4]", new ForwardMode(4).toString());
        assertEquals("FiniteDifferences[points=9, step=0.01, secondStep=0.05]",
                new FiniteDifferences().toString());
        assertEquals("FiniteDifferences[points=5, step=0.001, secondStep=0.01, bounds=[[0.0], [1.0]]]",
                new FiniteDifferences(5, 1e-3, 1e-2).withBounds(new double[] {0}, new double[] {1}).toString());
        assertEquals("DerivativeStructureDifferentiator", new DerivativeStructureDifferentiator().toString());
        assertEquals("MixedMode[maxSegments=32, executor=common pool (parallelism "
                + ForkJoinPool.getCommonPoolParallelism() + ")]", new MixedMode().toString());
        assertEquals("MixedMode[maxSegments=4, executor=ForkJoinPool (parallelism 2)]",
                new MixedMode(new ForkJoinPool(2), 4).toString());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertEquals("MixedMode[maxSegments=32, executor=ThreadPoolExecutor (3 to 3 threads)]",
                    new MixedMode(pool).toString());
        } finally {
            pool.shutdown();
        }
        assertEquals("MixedMode[maxSegments=32, executor=a lambda in " + DifferentiatorNamesTest.class.getName() + "]",
                new MixedMode(Runnable::run).toString());
    }
}
