package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Functions;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.expr.Expression;
import dev.wengert.forward.Dual;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/** expectAd as an operator test is meant to be used: a few lines per function, and it catches what it should. */
class ExpectAdTest {

    private static final double[] POINTS = {-2.7, -1.3, -0.45, 0.3, 0.8, 1.6, 2.9};

    @Test
    void everyUnaryRulePassesExpectAdWhereItIsSafe() {
        ExpectAd.Tally tally = new ExpectAd.Tally();
        for (UnaryRule rule : UnaryRule.values()) {
            Expression.Builder b = Expression.builder();
            Expression f = b.output(b.unary(rule, b.variable("x"))).build();
            for (double x : POINTS) {
                if (rule.safe(x, 0.2)) {
                    ExpectAd.expectAd(f, new double[] {x}, tally);
                }
            }
        }
        tally.assertFewSkipped();
    }

    @Test
    void everyBinaryAndParametricRulePassesExpectAdWhereItIsSafe() {
        ExpectAd.Tally tally = new ExpectAd.Tally();
        for (BinaryRule rule : BinaryRule.values()) {
            Expression.Builder b = Expression.builder();
            Expression f = b.output(b.binary(rule, b.variable("x"), b.variable("y"))).build();
            for (double x : POINTS) {
                for (double y : POINTS) {
                    if (rule.safe(x, y, 0.2)) {
                        ExpectAd.expectAd(f, new double[] {x, y}, tally);
                    }
                }
            }
        }
        double[] parameters = {-2, 0.5, 3};
        for (ParametricRule rule : ParametricRule.values()) {
            for (double p : parameters) {
                boolean integer = rule == ParametricRule.POW_INT || rule == ParametricRule.ROOT_N
                        || rule == ParametricRule.SCALB;
                double q = integer ? Math.rint(p) : p;
                Expression.Builder b = Expression.builder();
                Expression f = b.output(b.parametric(rule, b.variable("x"), q)).build();
                for (double x : POINTS) {
                    boolean rootOfNegative = rule == ParametricRule.ROOT_N && x < 0;   // ≠ DS by convention
                    if (rule.safe(x, q, 0.2) && !rootOfNegative && !(rule == ParametricRule.ROOT_N && q < 1)) {
                        ExpectAd.expectAd(f, new double[] {x}, tally);
                    }
                }
            }
        }
        tally.assertFewSkipped();
    }

    @Test
    void theSeedsTwoLayerNetworkPassesExpectAd() {
        VectorFunction network = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {   // (x, w1, b1, w2, b2)
                T a1 = Functions.relu(v[1].multiply(v[0]).add(v[2]));
                T[] y = MathArrays.buildArray(v[0].getField(), 1);
                y[0] = Functions.sigmoid(v[3].multiply(a1).add(v[4]));
                return y;
            }
        };
        ExpectAd.expectAd(network, new double[] {2, 3, 4, 1, 0.5});
        ExpectAd.expectAd(network, new double[] {0.2, -0.7, 0.5, 1.5, -0.3});
    }

    @Test
    void aModeThatThrowsWhereDoubleEvaluationDoesNotIsCaught() {
        VectorFunction throwsOnDual = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                if (x[0] instanceof Dual) {
                    throw new ArithmeticException("only on Dual");
                }
                return x;
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> ExpectAd.expectAd(throwsOnDual, new double[] {1}));
        assertTrue(e.getMessage().contains("Dual"), e.getMessage());
    }

    @Test
    void aFunctionThatThrowsInEveryModeAlikePasses() {
        VectorFunction throwsBelowZero = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                if (x[0].getReal() < 0) {
                    throw new IllegalArgumentException("x must be >= 0");
                }
                return x;
            }
        };
        ExpectAd.expectAd(throwsBelowZero, new double[] {-1});
        ExpectAd.expectAd(throwsBelowZero, new double[] {1});
    }
}
