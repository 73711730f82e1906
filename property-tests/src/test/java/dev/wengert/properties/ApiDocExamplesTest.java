package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ValueAndGradient;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.LeastSquaresAdapters;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.Var;
import dev.wengert.reverse.VarFunction;
import dev.wengert.reverse.VarVectorFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, run: each of its Java snippets is pasted, line for line, into a test method here
 * ({@link #everySnippetOfTheDocIsRunHere} checks that they stay the same), and the method checks
 * what the snippet's comments claim.
 */
class ApiDocExamplesTest {

    /** The functions the doc names. */
    static final class Examples {

        static final double[] TIMES = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6};

        static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
            T a = x[1].subtract(x[0].multiply(x[0]));
            T b = x[0].negate().add(1);
            return a.multiply(a).multiply(100).add(b.multiply(b));
        }

        static <T extends RealFieldElement<T>> T[] decay(T[] b) {
            T[] y = MathArrays.buildArray(b[0].getField(), TIMES.length);
            for (int i = 0; i < TIMES.length; i++) {
                y[i] = b[0].multiply(b[1].multiply(-TIMES[i]).exp()).add(b[2]);
            }
            return y;
        }
    }

    @Test
    void valueAndGradientAndValueAndJacobian() {
        Differentiator reverse = new ReverseMode();
        ValueAndGradient vg = reverse.valueAndGradient(Examples::rosenbrock, new double[] {-1.2, 1});
        double f = vg.value();          // 24.2
        double[] g = vg.gradient();     // {-215.6, -88}

        ValueAndJacobian vj = new MixedMode().valueAndJacobian(Examples::decay, new double[] {5, 1.3, 0.5});
        double[] y = vj.values();       // f(b), one value per sample time
        double[][] j = vj.jacobian();   // j[i][k] = ∂f_i/∂b_k

        assertEquals(24.2, f, 1e-13);
        assertArrayEquals(new double[] {-215.6, -88}, g, 1e-12);
        double t = Examples.TIMES[3];
        assertEquals(5 * Math.exp(-1.3 * t) + 0.5, y[3], 1e-15);
        assertArrayEquals(new double[] {Math.exp(-1.3 * t), -5 * t * Math.exp(-1.3 * t), 1}, j[3], 1e-15);
    }

    @Test
    void hessianVectorProduct() {
        double[] hv = new ReverseMode().hvp(Examples::rosenbrock, new double[] {-1.2, 1}, new double[] {1, 0});
        // the first column of the Hessian: {1330, 480}

        assertArrayEquals(new double[] {1330, 480}, hv, 1e-12);
    }

    @Test
    void aQuickFunctionAsALambda() {
        VarFunction f = x -> x[0].multiply(x[1]).sin().add(x[0].exp());
        ReverseMode reverse = new ReverseMode();
        double[] g = reverse.gradient(f, new double[] {1, 2});
        double[][] h = new MixedMode().hessian(f, new double[] {1, 2});
        double[] hv = reverse.hvp(f, new double[] {1, 2}, new double[] {0, 1});
        Recording rec = reverse.record(f, new double[] {1, 2});
        double[] atAnotherPoint = rec.gradient(new double[] {0.5, 0.5});   // replayed, f not run

        VarVectorFunction polar = p -> new Var[] {p[0].multiply(p[1].cos()), p[0].multiply(p[1].sin())};
        double[][] jac = new MixedMode().jacobian(polar, new double[] {2, 0.5});

        assertArrayEquals(new double[] {2 * Math.cos(2) + Math.E, Math.cos(2)}, g, 1e-15);
        assertEquals(-4 * Math.sin(2) + Math.E, h[0][0], 1e-14);
        assertArrayEquals(new double[] {h[0][1], h[1][1]}, hv, 0);
        assertArrayEquals(new double[] {0.5 * Math.cos(0.25) + Math.exp(0.5), 0.5 * Math.cos(0.25)}, atAnotherPoint,
                1e-15);
        assertArrayEquals(new double[] {Math.cos(0.5), -2 * Math.sin(0.5)}, jac[0], 1e-15);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode().gradient(f, new double[] {1, 2}));
        assertTrue(refused.getMessage().startsWith("a VarFunction runs on reverse mode's Var only (ReverseMode,"
                + " MixedMode), but was called with DualVector numbers"), refused.getMessage());
    }

    @Test
    void leastSquares() {
        double[] truth = {5, 1.3, 0.5};
        double[] observed = new double[Examples.TIMES.length];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = truth[0] * Math.exp(-truth[1] * Examples.TIMES[i]) + truth[2];
        }

        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(LeastSquaresAdapters.jacobianFunction(Examples::decay, new MixedMode()))
                .target(observed).start(new double[] {1, 0.5, 0})
                .maxEvaluations(1000).maxIterations(1000).build();
        Optimum fit = new LevenbergMarquardtOptimizer().optimize(problem);
        double[] b = fit.getPoint().toArray();   // close to the b that generated the observations

        assertArrayEquals(truth, b, 1e-9);
    }

    @Test
    void everySnippetOfTheDocIsRunHere() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "api.md"), StandardCharsets.UTF_8);
        List<String> source = trimmed(Files.readAllLines(
                Path.of("src", "test", "java", "dev", "wengert", "properties", "ApiDocExamplesTest.java"),
                StandardCharsets.UTF_8));
        int snippets = 0;
        for (int i = 0; i < doc.size(); i++) {
            if (!doc.get(i).trim().equals("```java")) {
                continue;
            }
            List<String> snippet = new ArrayList<>();
            int start = i + 1;
            for (i = start; !doc.get(i).trim().equals("```"); i++) {
                snippet.add(doc.get(i));
            }
            snippets++;
            List<String> lines = trimmed(snippet);
            assertTrue(Collections.indexOfSubList(source, lines) >= 0,
                    "docs/api.md line " + (start + 1) + ": this snippet is not in ApiDocExamplesTest line for line:\n"
                            + String.join("\n", snippet));
        }
        assertTrue(snippets >= 4, "docs/api.md has " + snippets + " Java snippets; expected at least 4");
    }

    /** @return the lines, trimmed, without the blank ones */
    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }
}
