package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.Functions;
import java.util.List;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** The seed article's examples, parsed, on Decimal64 and on DerivativeStructure. */
class SeedExamplesTest {

    @Test
    void productOfThreeAndFourIsTwelve() {
        Expression c = Expression.parse("a*b");
        assertEquals(List.of("a", "b"), c.variables());
        assertEquals(2, c.inputs());
        assertEquals(1, c.outputs());
        assertArrayEquals(new double[] {12.0}, c.value(3, 4));
        assertEquals(12.0, c.value(new Decimal64[] {new Decimal64(3), new Decimal64(4)})[0].getReal());
    }

    @Test
    void xTimesYPlusXSquaredIsTenWithGradientSevenTwo() {
        Expression z = Expression.parse("x*y + x^2");
        assertArrayEquals(new double[] {10.0}, z.value(2, 3));
        DerivativeStructure x = new DerivativeStructure(2, 1, 0, 2.0);
        DerivativeStructure y = new DerivativeStructure(2, 1, 1, 3.0);
        DerivativeStructure r = z.value(new DerivativeStructure[] {x, y})[0];
        assertEquals(10.0, r.getValue());
        assertEquals(7.0, r.getPartialDerivative(1, 0));
        assertEquals(2.0, r.getPartialDerivative(0, 1));
    }

    @Test
    void twoLayerNetworkGivesTheArticlesDoubleResultBitForBit() {
        Expression net = Expression.parse("sigmoid(w2*relu(w1*x+b1)+b2)", List.of("x", "w1", "b1", "w2", "b2"));
        double[] point = {2, 3, 4, 1, 0.5};
        Decimal64 direct = Functions.sigmoid(new Decimal64(1).multiply(
                Functions.relu(new Decimal64(3).multiply(new Decimal64(2)).add(new Decimal64(4)))).add(new Decimal64(0.5)));
        assertEquals(0.9999724643088853, net.value(point)[0]);
        assertEquals(Double.doubleToLongBits(direct.getReal()), Double.doubleToLongBits(net.value(point)[0]));
    }

    @Test
    void twoLayerNetworkGradientIsSigmoidPrimeTimesThreeTwoOneTenOne() {
        Expression net = Expression.parse("z1 = w1*x + b1\na1 = relu(z1)\nz2 = w2*a1 + b2\nsigmoid(z2)",
                List.of("x", "w1", "b1", "w2", "b2"));
        double[] point = {2, 3, 4, 1, 0.5};
        DerivativeStructure[] x = new DerivativeStructure[5];
        for (int i = 0; i < 5; i++) {
            x[i] = new DerivativeStructure(5, 1, i, point[i]);
        }
        DerivativeStructure r = net.value(x)[0];
        double s = 1 / (1 + Math.exp(-10.5));
        double sp = s * (1 - s);
        double[] expected = {3 * sp, 2 * sp, sp, 10 * sp, sp};
        for (int i = 0; i < 5; i++) {
            int[] order = new int[5];
            order[i] = 1;
            assertEquals(expected[i], r.getPartialDerivative(order), 1e-10 * expected[i], "d/d" + net.variables().get(i));
        }
    }

    @Test
    void severalOutputsAreSeparatedBySemicolonsOrLines() {
        Expression e = Expression.parse("x*y; sin(x)");
        assertEquals(2, e.outputs());
        assertArrayEquals(new double[] {6, Math.sin(2)}, e.value(2, 3), 1e-16);
        assertEquals(e, Expression.parse("x*y\nsin(x)\n"));
    }

    @Test
    void aBindingNamesASharedSubexpressionWithoutBecomingAnInput() {
        Expression e = Expression.parse("t = x*y; t + sin(t)");
        assertEquals(List.of("x", "y"), e.variables());
        assertEquals(1, e.outputs());
        assertEquals(6 + Math.sin(6), e.value(2, 3)[0], 1e-15);
        assertEquals(Expression.parse("x*y + sin(x*y)"), e);
        assertEquals("t1 = x*y; t1 + sin(t1)", e.toText());
    }
}
