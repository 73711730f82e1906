package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.UnaryRule;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Nothing recurses: a million-deep chain and 10^5 nested parentheses parse, evaluate and print. */
class DeepExpressionTest {

    private static final int CHAIN = 1_000_000;
    private static final int PARENS = 100_000;

    static String leftChain(int n) {
        StringBuilder s = new StringBuilder(7 * n + 1);
        s.append("(".repeat(n)).append('x');
        for (int i = 0; i < n; i++) {
            s.append("+1)");
        }
        return s.toString();
    }

    static String rightChain(int n) {
        StringBuilder s = new StringBuilder(7 * n + 1);
        for (int i = 0; i < n; i++) {
            s.append("1-(");
        }
        s.append('x');
        s.append(")".repeat(n));
        return s.toString();
    }

    @Test
    void aMillionDeepLeftChainParsesEvaluatesPrintsAndCompares() {
        Expression e = Expression.parse(leftChain(CHAIN));
        assertEquals(CHAIN + 2, e.size());
        assertEquals(CHAIN + 0.5, e.value(0.5)[0]);
        DerivativeStructure x = new DerivativeStructure(1, 1, 0, 0.5);
        assertEquals(1.0, e.value(new DerivativeStructure[] {x})[0].getPartialDerivative(1));
        String text = e.toText();
        assertEquals("x" + " + 1.0".repeat(CHAIN), text);
        Expression back = Expression.parse(text);
        assertEquals(e, back);
        assertEquals(e.hashCode(), back.hashCode());
    }

    @Test
    void aMillionDeepRightChainPrintsItsParenthesesAndParsesBack() {
        Expression e = Expression.parse(rightChain(CHAIN));
        assertEquals(0.25, e.value(0.25)[0]);   // an even number of 1 − (…) gives x
        String text = e.toText();
        assertEquals(e, Expression.parse(text));
    }

    @Test
    void aHundredThousandNestedParenthesesAndCallsParse() {
        Expression parens = Expression.parse("(".repeat(PARENS) + "x" + ")".repeat(PARENS));
        assertEquals(Expression.parse("x"), parens);
        Expression calls = Expression.parse("sin(".repeat(PARENS) + "x" + ")".repeat(PARENS));
        assertEquals(PARENS + 1, calls.size());
        assertEquals(Expression.parse(calls.toText()), calls);
        Expression negations = Expression.parse("-".repeat(PARENS) + "x");
        assertEquals(0.5, negations.value(0.5)[0]);
        assertEquals(negations, Expression.parse(negations.toText()));
        Expression powers = Expression.parse("x" + "^x".repeat(PARENS));
        assertEquals(1.0, powers.value(1.0)[0]);
        assertEquals(powers, Expression.parse(powers.toText()));
    }

    @Test
    void unclosedDeepNestingIsAParseExceptionNotAStackOverflow() {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse("(".repeat(PARENS) + "x"));
        assertEquals(1, e.line());
    }

    @Test
    void aDeepBuiltDagWithSharingPrintsLinearly() {
        Expression.Builder b = Expression.builder();
        int t = b.variable("x");
        for (int i = 0; i < 100_000; i++) {
            t = b.binary(BinaryRule.MULTIPLY, t, t);   // x^(2^100000) as a DAG: 100001 nodes, not 2^100000
        }
        b.output(b.unary(UnaryRule.SIN, t));
        Expression e = b.build();
        assertEquals(100_002, e.size());
        assertEquals(e, Expression.parse(e.toText()));
        assertEquals(Math.sin(1.0), e.value(1.0)[0]);
    }

    @Test
    void everythingWorksInAThreadWithA256KilobyteStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> done = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                Expression e = Expression.parse(leftChain(CHAIN));
                Expression parens = Expression.parse("(".repeat(PARENS) + "x" + ")".repeat(PARENS));
                Expression calls = Expression.parse("exp(".repeat(PARENS) + "x" + ")".repeat(PARENS));
                assertEquals(CHAIN + 1.0, e.value(1.0)[0]);
                assertEquals(e, Expression.parse(e.toText()));
                assertEquals(parens, Expression.parse(parens.toText()));
                assertEquals(calls, Expression.parse(calls.toText()));
                assertEquals(calls.hashCode(), Expression.parse(calls.toText()).hashCode());
                done.set("ok");
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("failed in a 256 KB stack", failure.get());
        }
        assertNotNull(done.get());
    }
}
