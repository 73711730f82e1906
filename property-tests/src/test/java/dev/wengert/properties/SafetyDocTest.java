package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java snippets of docs/safety.md, compiled and run here. Each snippet is the text between a
 * {@code // snippet} line and an {@code // end} line of this file; {@link #theDocShowsExactlyTheseSnippets}
 * checks that the ```java blocks of the document are these texts, in this order.
 */
class SafetyDocTest {

    private static final Path DOC = Path.of("..", "docs", "safety.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "dev", "wengert", "properties",
            "SafetyDocTest.java");

    // snippet
    static <T extends RealFieldElement<T>> T stopGradient(T[] x) {
        T stopped = x[0].getField().getZero().add(x[0].getReal());   // reads an input: an escape
        return x[0].multiply(stopped);                                  // f = x², f' held at x
    }

    static <T extends RealFieldElement<T>> T branchy(T[] x) {
        return x[0].getReal() >= 0 ? x[0].multiply(x[0]) : x[0].negate();   // a branch on an input
    }
    // end

    @Test
    void replayIsRefusedAfterAnEscape() {
        // snippet
        ScalarFunction f = SafetyDocTest::stopGradient;
        Recording rec = new ReverseMode().record(f, new double[] {1});
        boolean replayable = rec.isReplayable();   // false
        String why = rec.escape();                 // "getReal() on v0 (input 0)"
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> rec.gradient(new double[] {3}));
        double[] fresh = new ReverseMode().gradient(f, new double[] {3});   // record afresh: {3}
        // end
        assertFalse(replayable);
        assertEquals("getReal() on v0 (input 0)", why);
        assertTrue(refused.getMessage().contains("cannot be replayed"), refused.getMessage());
        assertArrayEquals(new double[] {3}, fresh);
    }

    @Test
    void theEscapeHatchIsAskedForByName() {
        // snippet
        ScalarFunction f = SafetyDocTest::branchy;
        Recording rec = new ReverseMode().record(f, new double[] {2});
        // the caller vouches that 0.5 takes the same branch as 2 did
        double[] g = rec.replayAssumingSameBranches(new double[] {0.5}).gradient();   // {1.0}
        // end
        assertArrayEquals(new double[] {1.0}, g);
    }

    // snippet
    /** f(x) = (Σ xⱼ)², memoising the sum on the point: the cached sum keeps its pass's tangents. */
    static final class Memoised implements ScalarFunction {
        private double[] point;
        private Object sum;

        @Override
        @SuppressWarnings("unchecked")
        public <T extends RealFieldElement<T>> T value(T[] x) {
            double[] p = Arrays.stream(x).mapToDouble(T::getReal).toArray();
            if (!Arrays.equals(p, point)) {
                T s = x[0];
                for (int j = 1; j < x.length; j++) {
                    s = s.add(x[j]);
                }
                point = p;
                sum = s;
            }
            T s = (T) sum;
            return s.multiply(s);
        }
    }
    // end

    @Test
    void forwardPassesDoNotMix() {
        // snippet
        double[] x = new double[128];
        Arrays.fill(x, 0.25);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode(64).gradient(new Memoised(), x));   // two chunks of 64: two passes
        // end
        assertTrue(refused.getMessage().contains("belongs to pass"), refused.getMessage());
    }

    /** yᵢ = xᵢ · Σⱼ sin xⱼ. */
    static <T extends RealFieldElement<T>> T[] waist(T[] x) {
        T s = x[0].getField().getZero();
        for (T xj : x) {
            s = s.add(xj.sin());
        }
        T[] y = MathArrays.buildArray(x[0].getField(), x.length);
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].multiply(s);
        }
        return y;
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mixedModeMayBeCalledFromItsOwnPool() throws Exception {
        // snippet
        ExecutorService pool = Executors.newFixedThreadPool(2);
        MixedMode mixed = new MixedMode(pool);
        VectorFunction f = SafetyDocTest::waist;   // 1000 inputs through a waist of one
        double[] point = new double[1000];
        Arrays.fill(point, 0.7);
        List<java.util.concurrent.Future<double[][]>> calls = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            calls.add(pool.submit(() -> mixed.jacobian(f, point)));   // callers on the pool itself
        }
        double[][] j = calls.get(0).get();
        pool.shutdown();
        // end
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(1000, j.length);
        assertArrayEquals(j[7], calls.get(1).get()[7]);
    }

    @Test
    void theDocShowsExactlyTheseSnippets() throws IOException {
        List<String> fromSource = blocks(Files.readAllLines(SOURCE, StandardCharsets.UTF_8), "// snippet", "// end");
        List<String> fromDoc = blocks(Files.readAllLines(DOC, StandardCharsets.UTF_8), "```java", "```");
        assertEquals(fromSource, fromDoc, "docs/safety.md's java blocks must be this test's snippets, in order");
    }

    /** The texts between an opening line (trimmed, equal to {@code open}) and the next {@code close}, dedented. */
    static List<String> blocks(List<String> lines, String open, String close) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            String t = line.trim();
            if (current == null) {
                if (t.equals(open)) {
                    current = new ArrayList<>();
                }
            } else if (t.equals(close)) {
                blocks.add(dedent(current));
                current = null;
            } else {
                current.add(line);
            }
        }
        return blocks;
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
