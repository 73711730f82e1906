package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.testing.Seed;
import org.junit.jupiter.api.Test;

/** The seed article's examples (README.md), in forward mode. */
class SeedExamplesTest {

    private final ForwardMode forward = new ForwardMode();

    @Test
    void productOfThreeAndFourIsTwelveWithTangentsFourAndThree() {
        Dual c = Dual.variable(3).multiply(Dual.constant(4));
        assertEquals(12.0, c.getValue());
        assertEquals(4.0, c.getTangent());
        assertArrayEquals(new double[] {4, 3}, forward.gradient(Seed::product, new double[] {3, 4}));
    }

    @Test
    void xyPlusXSquaredIsTenWithGradientSevenTwo() {
        DualVector x = DualVector.variable(2, 0, 2);
        DualVector y = DualVector.variable(3, 1, 2);
        DualVector z = Seed.xyPlusXSquared(new DualVector[] {x, y});
        assertEquals(10.0, z.getValue());
        assertArrayEquals(new double[] {7, 2}, z.getTangents());
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(new double[] {7, 2},
                    new ForwardMode(k).gradient(Seed::xyPlusXSquared, new double[] {2, 3}));
        }
    }

    @Test
    void twoLayerNetworkGivesTheArticleValueAndGradient() {
        double[] p = {2, 3, 4, 1, 0.5};
        double s = UnaryRule.SIGMOID.value(10.5);
        // s' = σ(10.5)(1 − σ(10.5)), written σ(10.5)·σ(−10.5): 1 − σ(10.5) cancels ~5 digits
        double ds = s * UnaryRule.SIGMOID.value(-10.5);
        assertEquals(s * (1 - s), ds, 1e-10 * ds);
        double[] expected = {3 * ds, 2 * ds, ds, 10 * ds, ds};
        Dual value = Seed.twoLayer(new Dual[] {Dual.constant(2), Dual.constant(3), Dual.constant(4),
            Dual.constant(1), Dual.constant(0.5)});
        assertEquals(0.9999724643088853, value.getValue());
        for (int k : new int[] {1, 2, 3, 5, 8}) {
            double[] g = new ForwardMode(k).gradient(Seed::twoLayer, p);
            for (int j = 0; j < 5; j++) {
                assertEquals(expected[j], g[j], 1e-15 * Math.abs(expected[j]), "chunk " + k + ", input " + j);
            }
        }
    }

    @Test
    void forwardModeIsFoundByServiceLoaderUnderItsName() {
        Differentiator d = Differentiators.named("forward");
        assertTrue(d instanceof ForwardMode);
        assertEquals("forward", d.name());
    }
}
