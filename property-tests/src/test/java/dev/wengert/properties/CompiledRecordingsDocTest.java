package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.reverse.CompiledRecording;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * The code of {@code docs/compiled-recordings.md}, run: every {@code java} block of that page must
 * appear verbatim (up to indentation) in this file, inside a test that runs it.
 */
class CompiledRecordingsDocTest {

    static final class Examples {
        static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
            T sum = x[0].getField().getZero();
            for (int i = 0; i + 1 < x.length; i += 2) {
                T a = x[i + 1].subtract(x[i].multiply(x[i]));
                T b = x[i].negate().add(1);
                sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
            }
            return sum;
        }

        /** Residuals of y = p0·exp(p1·t) at t = 0, 1, 2. */
        static <T extends RealFieldElement<T>> T[] residuals(T[] p) {
            double[] t = {0, 1, 2};
            double[] y = {2.0, 2.7, 3.7};
            T[] r = MathArrays.buildArray(p[0].getField(), t.length);
            for (int i = 0; i < t.length; i++) {
                r[i] = p[0].multiply(p[1].multiply(t[i]).exp()).subtract(y[i]);
            }
            return r;
        }

        static <T extends RealFieldElement<T>> T escaping(T[] x) {
            T s = x[0].multiply(x[1]);
            return s.getReal() > 0 ? s : s.negate();
        }
    }

    @Test
    void aCompiledGradientInAnOptimisationLoop() {
        ReverseMode reverse = new ReverseMode();
        ScalarFunction rosenbrock = Examples::rosenbrock;
        Recording rec = reverse.record(rosenbrock, new double[] {-1.2, 1, -1.2, 1});
        CompiledRecording f = rec.compile();               // once
        double[] x = {-1.2, 1, -1.2, 1};
        for (int step = 0; step < 200; step++) {           // gradient descent: one compiled gradient a step
            double[] g = f.gradient(x);
            for (int j = 0; j < x.length; j++) {
                x[j] -= 1e-3 * g[j];
            }
        }
        assertArrayEquals(rec.gradient(x), f.gradient(x)); // the replayed gradient, bit for bit
        assertTrue(f.values(x)[0] < 24.2 * 2);
    }

    @Test
    void aCompiledJacobianForGaussNewton() {
        VectorFunction model = Examples::residuals;
        Recording rec = new ReverseMode().record(model, new double[] {1, 0.1});
        CompiledRecording r = rec.compile();
        double[] p = {2, 0.3};
        double[][] jac = r.jacobian(p);                     // 3 rows of 2, by 3 adjoint sweeps
        double[] jv = r.jvp(p, new double[] {1, 0});        // J·v, one tangent sweep
        double[] wj = r.vjp(p, new double[] {1, 1, 1});     // wᵀ·J, one adjoint sweep
        System.out.println(r);   // compiled recording: 15 entries, 2 inputs, 3 outputs, 1 class
        assertEquals(Math.exp(0.3 * 2), jac[2][0], 1e-15);
        assertEquals(jac[1][0], jv[1], 0);
        assertEquals(jac[0][1] + jac[1][1] + jac[2][1], wj[1], 1e-15);
        assertTrue(r.toString().startsWith("compiled recording: "), r.toString());
        assertTrue(r.isCompiled());
    }

    @Test
    void whatCannotBeReplayedCannotBeCompiled() {
        ScalarFunction g = Examples::escaping;
        Recording rec = new ReverseMode().record(g, new double[] {1, 2});
        rec.isReplayable();                                 // false: getReal() chose the branch
        assertThrows(IllegalStateException.class, rec::compile);   // the exception replay throws
        assertFalse(rec.isReplayable());
    }

    @Test
    void aCompiledReplayUnderAPreparedPlanAndARecording() {
        VectorFunction model = Examples::residuals;
        PreparedJacobian prepared = new MixedMode().prepare(model, new double[] {1, 0.1}).compile();
        double[][] j = prepared.jacobian(new double[] {2, 0.3});   // the plan over a tape replayed by compiled code
        Recording rec = new ReverseMode().record(model, new double[] {1, 0.1});
        rec.compileReplay();                                // from now on replay(x) runs generated code
        double[][] jac = rec.jacobian(new double[] {2, 0.3});      // interpreted sweeps over the same numbers
        assertTrue(prepared.isCompiled());
        assertTrue(rec.isReplayCompiled());
        PreparedJacobian interpreted = new MixedMode().prepare(model, new double[] {1, 0.1});
        double[][] expected = interpreted.jacobian(new double[] {2, 0.3});
        for (int i = 0; i < j.length; i++) {
            assertArrayEquals(expected[i], j[i]);
        }
        assertEquals(Math.exp(0.3 * 2), jac[2][0], 1e-15);
    }

    @Test
    void everyJavaBlockOfThePageIsInThisTest() throws IOException {
        Path page = Path.of("..", "docs", "compiled-recordings.md");
        Path self = Path.of("src", "test", "java", "dev", "wengert", "properties", "CompiledRecordingsDocTest.java");
        String source = normalized(Files.readString(self, StandardCharsets.UTF_8));
        List<String> blocks = javaBlocks(Files.readString(page, StandardCharsets.UTF_8));
        assertFalse(blocks.isEmpty(), "no java block in " + page);
        for (String block : blocks) {
            assertTrue(source.contains(normalized(block)), "this block of " + page + " is not run by a test:\n" + block);
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Each line stripped of its indentation and trailing blanks. */
    private static String normalized(String text) {
        StringBuilder s = new StringBuilder();
        for (String line : text.split("\n")) {
            s.append(line.strip()).append('\n');
        }
        return s.toString();
    }
}
