package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Differentiator;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** The builder, the read-only node list, and evaluation's argument checks. */
class ExpressionApiTest {

    @Test
    void theNodeListIsTopologicalAndReadable() {
        Expression z = Expression.parse("x*y + x^2");
        assertEquals(5, z.size());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < z.size(); i++) {
            StringBuilder row = new StringBuilder(z.kind(i) + " " + z.label(i));
            for (int k = 0; k < z.kind(i).arity(); k++) {
                assertEquals(true, z.operand(i, k) < i);
                row.append(' ').append(z.operand(i, k));
            }
            rows.add(row.toString());
        }
        assertEquals(List.of("INPUT x", "INPUT y", "BINARY * 0 1", "PARAMETRIC ^2 0", "BINARY + 2 3"), rows);
        assertEquals(4, z.output(0));
        assertEquals(0, z.input(0));
        assertEquals(BinaryRule.MULTIPLY, z.binaryRule(2));
        assertEquals(ParametricRule.POW_INT, z.parametricRule(3));
        assertEquals(2.0, z.number(3));
    }

    @Test
    void accessorsRejectTheWrongNodeKindOrIndex() {
        Expression z = Expression.parse("x*y + x^2");
        assertEquals("node 0 is INPUT, expected UNARY",
                assertThrows(IllegalArgumentException.class, () -> z.unaryRule(0)).getMessage());
        assertEquals("node index 5 out of range [0, 5)",
                assertThrows(IllegalArgumentException.class, () -> z.kind(5)).getMessage());
        assertEquals("node 3 (PARAMETRIC) has 1 operands; there is no operand 1",
                assertThrows(IllegalArgumentException.class, () -> z.operand(3, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> z.output(1));
        assertThrows(IllegalArgumentException.class, () -> z.number(0));
    }

    @Test
    void labelsNameEveryKindOfNode() {
        Expression e = Expression.parse("-x; sin(x); rootN(x, 3); remainder(x, 2); x^0.5; atan2(x, 2); pow(x, x); -inf");
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < e.outputs(); k++) {
            labels.add(e.label(e.output(k)));
        }
        assertEquals(List.of("-", "sin", "rootN(·, 3)", "remainder(·, 2.0)", "^0.5", "atan2", "^", "-inf"), labels);
    }

    @Test
    void theBuilderSharesIdenticalNodesAndPrintsBindings() {
        Expression.Builder b = Expression.builder();
        int x = b.variable("x");
        int y = b.variable("y");
        int xy = b.binary(BinaryRule.MULTIPLY, x, y);
        assertEquals(xy, b.binary(BinaryRule.MULTIPLY, b.variable("x"), y));
        assertEquals(b.constant(Double.NaN), b.constant(-Double.NaN));
        b.output(b.binary(BinaryRule.ADD, xy, b.unary(UnaryRule.SIN, xy)));
        Expression e = b.build();
        assertEquals("t1 = x*y; t1 + sin(t1)", e.toText());
        assertEquals(Expression.parse("t = x*y; t + sin(t)"), e);
        assertEquals(5, e.size());   // x, y, x*y, sin, +: the dead NaN constant is dropped
    }

    @Test
    void theBuilderRejectsBadArguments() {
        Expression.Builder b = Expression.builder(List.of("x"));
        assertEquals("unknown variable 'y'; the inputs are [x]",
                assertThrows(IllegalArgumentException.class, () -> b.variable("y")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expression.builder().variable("1x"));
        assertThrows(IllegalArgumentException.class, () -> Expression.builder().variable("nan"));
        assertEquals("node 7 does not exist; this builder has nodes [0, 0)",
                assertThrows(IllegalArgumentException.class, () -> b.unary(UnaryRule.SIN, 7)).getMessage());
        int x = b.variable("x");
        assertEquals("the parameter of ROOT_N must be an int, but is 2.5",
                assertThrows(IllegalArgumentException.class, () -> b.parametric(ParametricRule.ROOT_N, x, 2.5))
                        .getMessage());
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalArgumentException.class, () -> b.unary(null, x));
    }

    @Test
    void evaluatingWithTheWrongNumberOfInputsNamesExpectedAndActual() {
        Expression z = Expression.parse("x*y + x^2");
        assertEquals("expected 2 inputs [x, y], but got 3",
                assertThrows(IllegalArgumentException.class, () -> z.value(1, 2, 3)).getMessage());
        assertEquals("expected 2 inputs [x, y], but got 1",
                assertThrows(IllegalArgumentException.class, () -> z.value(new Decimal64[] {Decimal64.ONE}))
                        .getMessage());
        assertEquals("input 1 (y) must not be null", assertThrows(IllegalArgumentException.class,
                () -> z.value(new Decimal64[] {Decimal64.ONE, null})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> z.value((double[]) null));
        assertThrows(IllegalArgumentException.class, () -> z.value((Decimal64[]) null));
    }

    @Test
    void anExpressionWithoutInputsEvaluatesInDoublePrecision() {
        Expression e = Expression.parse("2^10; sqrt(2)");
        assertEquals(0, e.inputs());
        assertArrayEquals(new double[] {1024, Math.sqrt(2)}, e.value());
        assertThrows(IllegalArgumentException.class, () -> e.value(new Decimal64[0]));
    }

    @Test
    void oneExpressionServesManyThreadsWithIdenticalResults() throws Exception {
        Expression e = Expression.parse(RoundTripTest.randomExpression(new Random(7), 200).toText());
        double[] point = new double[e.inputs()];
        Arrays.fill(point, 0.75);
        double[] expected = e.value(point);
        String text = e.toText();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int i = 0; i < 200; i++) {
                        same &= Arrays.equals(expected, e.value(point)) && text.equals(e.toText())
                                && e.equals(Expression.parse(text));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anExpressionIsDifferentiatedLikeAnyFunction() {
        Differentiator d = new FiniteDifferences();
        Expression z = Expression.parse("x*y + x^2");
        assertArrayEquals(new double[] {7, 2}, d.gradient(z.asScalarFunction(), new double[] {2, 3}), 1e-9);
        double[][] j = d.jacobian(Expression.parse("x*y; sin(x)"), new double[] {2, 3});
        assertArrayEquals(new double[] {3, 2}, j[0], 1e-9);
        assertArrayEquals(new double[] {Math.cos(2), 0}, j[1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x; y").asScalarFunction());
    }
}
