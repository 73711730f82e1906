package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.expr.Expression;
import dev.wengert.mixed.FitResult;
import dev.wengert.mixed.LeastSquaresFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * docs/least-squares.md's Java, run: each of its java blocks must appear in this file (line by
 * line, indentation aside), where it is compiled and its results checked.
 */
class LeastSquaresDocTest {

    // the data of the doc's example: an exponential rise with a little deterministic noise
    static final double[] x = {60, 120, 180, 240, 300, 360, 420, 480, 540, 600};
    static final double[] y = {7.9, 15.2, 22.3, 28.3, 34.1, 40.0, 45.3, 50.4, 55.5, 60.2};

    static final class Fits {
        static <T extends RealFieldElement<T>> T rise(T[] b, double[] x) {
            return b[0].multiply(b[1].multiply(-x[0]).exp().negate().add(1));   // b1·(1 − exp(−b2·x))
        }
    }

    @Test
    void theGenericModelFits() {
        FitResult fit = LeastSquaresFit.of(Fits::rise, x, y)
                .start(500, 1e-4)
                .fit();
        double[] b = fit.estimates();              // b1, b2
        double[] se = fit.standardErrors();        // √diag(s²·(JᵀJ)⁻¹)
        double s = fit.residualStandardDeviation();
        assertTrue(fit.converged());
        assertEquals(List.of("b1", "b2"), fit.parameters());
        assertTrue(b[0] > 100 && b[0] < 200 && b[1] > 5e-4 && b[1] < 2e-3, java.util.Arrays.toString(b));
        assertTrue(se[0] > 0 && se[1] > 0 && s > 0 && s < 0.5, s + "");
    }

    @Test
    void theExpressionModelFitsToTheSameValues() {
        FitResult fit = LeastSquaresFit.of(Expression.parse("b1*(1 - exp(-b2*t))"), Map.of("t", x), y)
                .start(500, 1e-4)
                .fit();
        System.out.println(fit.parameters() + " = " + java.util.Arrays.toString(fit.estimates()));
        FitResult generic = LeastSquaresFit.of(Fits::rise, x, y).start(500, 1e-4).fit();
        assertEquals(generic.estimates()[0], fit.estimates()[0], 1e-9 * generic.estimates()[0]);
        assertEquals(generic.estimates()[1], fit.estimates()[1], 1e-9 * generic.estimates()[1]);
    }

    @Test
    void everyJavaBlockOfTheDocIsInThisTest() throws IOException {
        String doc = Docs.read("least-squares.md");
        List<String> blocks = Docs.blocks(doc, "java");
        assertTrue(blocks.size() >= 2, "the doc has its java blocks");
        String source = strip(Files.readString(source()));
        for (String block : blocks) {
            assertTrue(source.contains(strip(block)), "docs/least-squares.md's block is not in " + source() + ":\n" + block);
        }
    }

    private static Path source() {
        Path p = Path.of("src/test/java/dev/wengert/cli/LeastSquaresDocTest.java");
        return Files.exists(p) ? p : Path.of("cli").resolve(p);
    }

    private static String strip(String code) {
        StringBuilder s = new StringBuilder();
        for (String line : code.split("\n")) {
            if (!line.isBlank()) {
                s.append(line.strip()).append('\n');
            }
        }
        return s.toString();
    }
}
