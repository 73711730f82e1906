package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Printing then parsing gives an equal expression, for written and for randomly built ones. */
class RoundTripTest {

    private static final String[] NAMES = {"x", "y", "z", "w1", "b_2", "_", "t1", "t2", "input", "sin", "X9"};
    private static final double[] CONSTANTS = {0.0, -0.0, 1, -1, 2, 0.5, -2.5, 1e-300, 4.9e-324, 1.7976931348623157e308,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 3.141592653589793, 1e22, 123456789};

    @ParameterizedTest
    @ValueSource(strings = {
        "a*b", "x*y + x^2", "sigmoid(w2*relu(w1*x+b1)+b2)", "t = x*y; t + sin(t)", "x*y; sin(x)",
        "-x^2", "2^-1", "(-2)^x", "x^(2)", "x^2.0", "x^-0.5", "rootN(x, 3) + scalb(x, -4)",
        "remainder(x, 2); remainder(x, -2.5); remainder(x, (2)); remainder(x, y)",
        "copySign(x, -0.0) + copySign(x, y) + copySign(x, (1))", "atan2(y, x) + hypot(x, y)",
        "max(a, b) - min(a, b)", "square(x) + softplus(x) + reciprocal(x) + negate(x)",
        "inf + -inf + nan + -0.0 + 0.0", "1.5E+10 + .5 + 1e-3 + 0x1p3", "x^y^z", "(x^y)^z", "-(2)", "--x",
        "a - (b - c)", "a/(b/c)", "a*(b*c)", "a + (b + c)", "(a + b)*(c - d)/(e^f)",
        "t = sin(x); u = t*t; u + t; u", "input z, y, x; x", "input a, b; b - a", "x; x; 2",
        "exp(log(abs(x))) + sqrt(cbrt(x)) + expm1(log1p(x)) + ceil(floor(rint(signum(x))))",
        "tan(asin(acos(atan(sinh(cosh(tanh(asinh(acosh(atanh(x))))))))))",
        "x - -2", "x * -2", "-2 * x", "-2.0^x", "x^-2^3", "t1 = 1; x + t1",
    })
    void writtenExpressionsRoundTrip(String text) {
        Expression e = Expression.parse(text);
        String printed = e.toText();
        Expression back = Expression.parse(printed);
        assertEquals(e, back, printed);
        assertEquals(e.hashCode(), back.hashCode());
        assertEquals(printed, back.toText());
    }

    @Test
    void randomlyBuiltDagsRoundTrip() {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 3000; trial++) {
            Expression e = randomExpression(random, 1 + random.nextInt(40));
            String printed = e.toText();
            Expression back;
            try {
                back = Expression.parse(printed);
            } catch (ParseException ex) {
                throw new AssertionError("trial " + trial + " printed unparsable text: " + printed, ex);
            }
            assertEquals(e, back, "trial " + trial + ": " + printed);
            assertEquals(e.hashCode(), back.hashCode());
            assertEquals(printed, back.toText());
        }
    }

    @Test
    void structurallyDifferentExpressionsAreNotEqual() {
        assertNotEquals(Expression.parse("x + y"), Expression.parse("y + x"));
        assertNotEquals(Expression.parse("x*y", List.of("x", "y")), Expression.parse("x*y", List.of("y", "x")));
        assertNotEquals(Expression.parse("x + 0.0"), Expression.parse("x + -0.0"));
        assertNotEquals(Expression.parse("x^2"), Expression.parse("x^2.0"));
        assertNotEquals(Expression.parse("x; y"), Expression.parse("y; x", List.of("x", "y")));
        assertEquals(Expression.parse("x + nan"), Expression.parse("x + -nan"));
        assertEquals(Expression.parse("(x)"), Expression.parse("x"));
    }

    /** A random DAG over the builder, the way the property tests generate programs. */
    static Expression randomExpression(Random random, int steps) {
        List<String> names = new ArrayList<>(List.of(NAMES));
        Collections.shuffle(names, random);
        Expression.Builder b = random.nextBoolean() ? Expression.builder()
                : Expression.builder(names.subList(0, 1 + random.nextInt(4)));
        List<String> pool = random.nextBoolean() ? names : names.subList(0, 1 + random.nextInt(4));
        List<Integer> nodes = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int kind = nodes.isEmpty() ? random.nextInt(2) : random.nextInt(8);
            int a = nodes.isEmpty() ? -1 : pick(random, nodes);
            int c = nodes.isEmpty() ? -1 : pick(random, nodes);
            int node;
            switch (kind) {
                case 0: {
                    String name = pool.get(random.nextInt(pool.size()));
                    try {
                        node = b.variable(name);
                    } catch (IllegalArgumentException notDeclared) {
                        node = b.constant(1);
                    }
                    break;
                }
                case 1:
                    node = b.constant(random.nextBoolean() ? CONSTANTS[random.nextInt(CONSTANTS.length)]
                            : random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                    break;
                case 2:
                case 3:
                    node = b.unary(UnaryRule.values()[random.nextInt(UnaryRule.values().length)], a);
                    break;
                case 4:
                case 5:
                case 6:
                    node = b.binary(BinaryRule.values()[random.nextInt(BinaryRule.values().length)], a, c);
                    break;
                default: {
                    ParametricRule rule = ParametricRule.values()[random.nextInt(ParametricRule.values().length)];
                    boolean integer = rule == ParametricRule.POW_INT || rule == ParametricRule.ROOT_N
                            || rule == ParametricRule.SCALB;
                    double p = integer ? random.nextInt(11) - 5
                            : random.nextBoolean() ? CONSTANTS[random.nextInt(CONSTANTS.length)] : random.nextInt(7) - 3;
                    node = b.parametric(rule, a, p);
                    break;
                }
            }
            nodes.add(node);
        }
        int outputs = 1 + random.nextInt(3);
        for (int k = 0; k < outputs; k++) {
            b.output(pick(random, nodes));
        }
        return b.build();
    }

    private static int pick(Random random, List<Integer> nodes) {
        int n = nodes.size();
        return nodes.get(random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 3)) : random.nextInt(n));
    }
}
