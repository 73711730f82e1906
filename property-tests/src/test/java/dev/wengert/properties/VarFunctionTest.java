package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.Differentiator;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.Functions;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.Var;
import dev.wengert.reverse.VarFunction;
import dev.wengert.reverse.VarVectorFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A lambda over {@code Var}s is differentiated by the recording modes exactly as the same function
 * written generically, and refused by the modes that cannot run it.
 */
class VarFunctionTest {

    private static final VarFunction SCALAR = x -> x[0].multiply(x[1]).sin().add(x[0].exp().multiply(x[2]))
            .subtract(x[2].pow(3));

    private static final VarVectorFunction VECTOR = x -> new Var[] {
        x[0].multiply(x[1]), x[1].sinh().add(Functions.square(x[2])), x[0].atan2(x[2]), x[0].hypot(x[1]).multiply(x[2]),
    };

    private static final double[] X = {0.7, -1.3, 0.4};
    private static final double[] V = {0.3, -0.2, 1.1};
    private static final double[] W = {1.5, -0.5, 0.25, 2};

    @Test
    void recordingModesGiveWhatTheGenericFunctionGivesBitForBit() {
        for (Differentiator d : new Differentiator[] {new ReverseMode(), new MixedMode()}) {
            String m = d.name();
            assertArrayEquals(d.gradient(DifferentiatorContract::composite, X), d.gradient(SCALAR, X), m);
            assertArrayEquals(d.hvp(DifferentiatorContract::composite, X, V), d.hvp(SCALAR, X, V), m);
            double[][] h = d.hessian(DifferentiatorContract::composite, X);
            double[][] hv = d.hessian(SCALAR, X);
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(h[j], hv[j], m);
            }
            assertEquals(d.valueAndGradient(DifferentiatorContract::composite, X), d.valueAndGradient(SCALAR, X), m);
            assertEquals(d.valueAndJacobian(DifferentiatorContract::vector, X), d.valueAndJacobian(VECTOR, X), m);
            double[][] j = d.jacobian(DifferentiatorContract::vector, X);
            double[][] jv = d.jacobian(VECTOR, X);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(j[i], jv[i], m);
            }
            assertArrayEquals(d.vjp(DifferentiatorContract::vector, X, W), d.vjp(VECTOR, X, W), m);
            double[] expected = new ReverseMode().jvp(DifferentiatorContract::vector, X, V);
            assertArrayEquals(expected, d.jvp(VECTOR, X, V), m + ": J·v by a tangent sweep");
        }
    }

    @Test
    void aRecordedVarFunctionReplaysAtANewPoint() {
        double[] y = {0.2, 0.9, -0.6};
        assertArrayEquals(new ReverseMode().gradient(DifferentiatorContract::composite, y),
                new ReverseMode().record(SCALAR, X).gradient(y));
    }

    @Test
    void modesThatCannotRunItRefuseItNamingTheNumbersTheyPassed() {
        refused(() -> new ForwardMode().gradient(SCALAR, X), "DualVector");
        refused(() -> new ForwardMode().jvp(VECTOR, X, V), "Dual");
        refused(() -> new ForwardMode().hvp(SCALAR, X, V), "HyperDual");
        refused(() -> new FiniteDifferences().gradient(SCALAR, X), "Decimal64");
        refused(() -> new DerivativeStructureDifferentiator().jacobian(VECTOR, X), "DerivativeStructure");
        refused(() -> new FiniteDifferences().valueAndGradient(SCALAR, X), "Decimal64");
    }

    private static void refused(Executable call, String numbers) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith("a VarFunction runs on reverse mode's Var only (ReverseMode, MixedMode),")
                && e.getMessage().contains("called with " + numbers), e.getMessage());
    }
}
