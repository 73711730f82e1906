package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Functions;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/**
 * Every function of the language evaluates bit-identically to the direct Decimal64 call (for a
 * unary function: to its rule's value, which {@code RuleTableTest} shows is the Decimal64 call's).
 */
class FunctionEvaluationTest {

    private static final double[] POINTS = {-2.5, -0.7, -0.3, -0.0, 0.0, 0.2, 0.5, 0.9, 1.7, 3.1, 1e300,
        Double.POSITIVE_INFINITY, Double.NaN};

    private final Set<String> covered = new HashSet<>();

    @Test
    void everyUnaryFunctionIsTheDecimal64Call() {
        for (UnaryRule rule : UnaryRule.values()) {
            Expression e = Expression.parse(rule.functionName() + "(x)");
            assertEquals(NodeKind.UNARY, e.kind(e.output(0)));
            assertEquals(rule, e.unaryRule(e.output(0)));
            unary(rule.functionName() + "(x)", x -> new Decimal64(rule.value(x.getReal())));
        }
        unary("-x", Decimal64::negate);
    }

    @Test
    void everyBinaryFunctionAndOperatorIsTheDecimal64Call() {
        binary("x + y", Decimal64::add, BinaryRule.ADD);
        binary("x - y", Decimal64::subtract, BinaryRule.SUBTRACT);
        binary("x*y", Decimal64::multiply, BinaryRule.MULTIPLY);
        binary("x/y", Decimal64::divide, BinaryRule.DIVIDE);
        binary("x^y", Decimal64::pow, BinaryRule.POW);
        binary("pow(x, y)", Decimal64::pow, BinaryRule.POW);
        binary("atan2(x, y)", Decimal64::atan2, BinaryRule.ATAN2);
        binary("hypot(x, y)", Decimal64::hypot, BinaryRule.HYPOT);
        binary("remainder(x, y)", Decimal64::remainder, BinaryRule.REMAINDER);
        binary("copySign(x, y)", Decimal64::copySign, BinaryRule.COPY_SIGN);
        binary("max(x, y)", Functions::max, BinaryRule.MAX);
        binary("min(x, y)", Functions::min, BinaryRule.MIN);
    }

    @Test
    void literalSecondArgumentsSelectTheParametricCall() {
        parametric("x^3", x -> x.pow(3), ParametricRule.POW_INT, 3);
        parametric("x^-2", x -> x.pow(-2), ParametricRule.POW_INT, -2);
        parametric("pow(x, 3)", x -> x.pow(3), ParametricRule.POW_INT, 3);
        parametric("x^2.5", x -> x.pow(2.5), ParametricRule.POW, 2.5);
        parametric("x^2.0", x -> x.pow(2.0), ParametricRule.POW, 2.0);
        parametric("pow(x, -0.5)", x -> x.pow(-0.5), ParametricRule.POW, -0.5);
        parametric("x^1e10", x -> x.pow(1e10), ParametricRule.POW, 1e10);
        parametric("x^10000000000", x -> x.pow(1e10), ParametricRule.POW, 1e10);
        parametric("rootN(x, 3)", x -> x.rootN(3), ParametricRule.ROOT_N, 3);
        parametric("rootN(x, -2)", x -> x.rootN(-2), ParametricRule.ROOT_N, -2);
        parametric("scalb(x, -3)", x -> x.scalb(-3), ParametricRule.SCALB, -3);
        parametric("remainder(x, 0.7)", x -> x.remainder(0.7), ParametricRule.REMAINDER, 0.7);
        parametric("copySign(x, -1)", x -> x.copySign(-1.0), ParametricRule.COPY_SIGN, -1);
        parametric("copySign(x, -0.0)", x -> x.copySign(-0.0), ParametricRule.COPY_SIGN, -0.0);
        Expression paren = Expression.parse("x^(3)");
        assertEquals(BinaryRule.POW, paren.binaryRule(paren.output(0)));
        Expression scaled = Expression.parse("remainder(x, 2*y)");
        assertEquals(BinaryRule.REMAINDER, scaled.binaryRule(scaled.output(0)));
    }

    @Test
    void everyFunctionNameIsCoveredAbove() {
        everyUnaryFunctionIsTheDecimal64Call();
        everyBinaryFunctionAndOperatorIsTheDecimal64Call();
        literalSecondArgumentsSelectTheParametricCall();
        Set<String> all = new HashSet<>(FunctionNames.ALL);
        all.removeAll(covered);
        assertEquals(Set.of(), all);
    }

    @Test
    void derivativeStructureSeesTheSameCallsAsWhenWrittenByHand() {
        Expression e = Expression.parse("atan2(sin(x)*y, hypot(x, y)) + rootN(x, 3)^2 - copySign(y, -1)/sigmoid(x)");
        DerivativeStructure x = new DerivativeStructure(2, 2, 0, 0.7);
        DerivativeStructure y = new DerivativeStructure(2, 2, 1, 1.3);
        DerivativeStructure expected = x.sin().multiply(y).atan2(x.hypot(y)).add(x.rootN(3).pow(2))
                .subtract(y.copySign(-1.0).divide(Functions.sigmoid(x)));
        DerivativeStructure actual = e.value(new DerivativeStructure[] {x, y})[0];
        for (int[] order : new int[][] {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}}) {
            assertEquals(expected.getPartialDerivative(order), actual.getPartialDerivative(order), 0.0,
                    "order " + order[0] + "," + order[1]);
        }
    }

    @Test
    void constantsKeepTheirBitsOnEveryField() {
        Expression e = Expression.parse("-0.0; 0.0; inf; -inf; nan; 4.9E-324; x");
        double[] v = e.value(1.0);
        double[] expected = {-0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, 1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(v[i]), "output " + i);
        }
        DerivativeStructure[] d = e.value(new DerivativeStructure[] {new DerivativeStructure(1, 1, 0, 1.0)});
        for (int i = 0; i < expected.length - 1; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(d[i].getValue()), "output " + i);
            assertEquals(0.0, Math.abs(d[i].getPartialDerivative(1)), "derivative of constant " + i);
        }
    }

    private void unary(String text, UnaryOperator<Decimal64> f) {
        Expression e = Expression.parse(text);
        note(text);
        for (double p : POINTS) {
            same(f.apply(new Decimal64(p)), e.value(p)[0], text + " at " + p);
        }
    }

    private void binary(String text, BinaryOperator<Decimal64> f, BinaryRule rule) {
        Expression e = Expression.parse(text);
        note(text);
        assertEquals(rule, e.binaryRule(e.output(0)), text);
        for (double p : POINTS) {
            for (double q : POINTS) {
                same(f.apply(new Decimal64(p), new Decimal64(q)), e.value(p, q)[0], text + " at " + p + ", " + q);
            }
        }
    }

    private void parametric(String text, UnaryOperator<Decimal64> f, ParametricRule rule, double p) {
        Expression e = Expression.parse(text);
        note(text);
        assertEquals(rule, e.parametricRule(e.output(0)), text);
        assertEquals(Double.doubleToLongBits(p), Double.doubleToLongBits(e.number(e.output(0))), text);
        for (double x : POINTS) {
            same(f.apply(new Decimal64(x)), e.value(x)[0], text + " at " + x);
        }
    }

    private void note(String text) {
        int paren = text.indexOf('(');
        if (paren > 0) {
            covered.add(text.substring(0, paren));
        }
    }

    private static void same(Decimal64 expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected.getReal()), Double.doubleToLongBits(actual), what);
    }
}
