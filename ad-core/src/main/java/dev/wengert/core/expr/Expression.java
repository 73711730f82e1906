package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.internal.Checks;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.VectorFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.Decimal64Field;
import org.apache.commons.math3.util.MathArrays;

/**
 * A function f: R<sup>n</sup> → R<sup>m</sup> written in the expression language — see the
 * {@linkplain dev.wengert.core.expr package documentation} for the grammar and the precedence
 * table — or built with {@link Builder}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Expression z = Expression.parse("x*y + x^2");             // inputs (x, y), one output
 * z.value(2, 3);                                             // {10.0}
 * differentiator.jacobian(z, new double[] {2, 3});           // {{7.0, 2.0}}
 * differentiator.gradient(z.asScalarFunction(), new double[] {2, 3});   // {7.0, 2.0}
 * }</pre>
 *
 * <p><b>Data layout.</b> The expression is a flat node list in topological order (a Wengert list):
 * node i has a {@link NodeKind}, up to two operands with smaller indices, and a payload (input
 * index, constant, rule, parameter). Identical subexpressions are stored once (hash-consing), so
 * the list is a DAG, and the order is canonical: the post-order of a left-to-right depth-first
 * walk from the outputs. {@code "x*y + x^2"} is
 * <pre>
 *   0  INPUT       x
 *   1  INPUT       y
 *   2  BINARY      *      (0, 1)
 *   3  PARAMETRIC  ^2     (0)
 *   4  BINARY      +      (2, 3)      output 0
 * </pre>
 * Evaluation is one loop over the list; printing, equality and hashing are loops as well, so no
 * operation recurses and a chain of a million nodes needs no more stack than a chain of one.
 *
 * <p><b>Equality</b> is structural: the same inputs in the same order, and the same output trees
 * (constants compared by bits, so {@code -0.0 ≠ 0.0} and all NaNs are equal). Binding names
 * are not part of the structure: {@code "t = x*y; t + sin(t)"} equals
 * {@code "x*y + sin(x*y)"}. {@link #toText()} parses back to an equal expression.
 */
public final class Expression implements VectorFunction {

    private final List<String> variables;
    final byte[] kinds;
    final int[] codes;
    final int[] lefts;
    final int[] rights;
    final double[] numbers;
    final int[] outputs;
    private int hash;
    private volatile String text;
    private volatile List<String> warnings = List.of();

    Expression(List<String> variables, NodeTable canonical, int[] outputs) {
        this.variables = Collections.unmodifiableList(new ArrayList<>(variables));
        this.kinds = canonical.kinds;
        this.codes = canonical.codes;
        this.lefts = canonical.lefts;
        this.rights = canonical.rights;
        this.numbers = canonical.numbers;
        this.outputs = outputs;
    }

    /**
     * Parses expression text; the inputs are the free names in order of first appearance
     * (unless the text starts with an {@code input} header).
     *
     * @param text the text, e.g. {@code "x*y; sin(x)"}
     * @return the expression
     * @throws ParseException if the text is malformed (never another exception for non-null text)
     * @throws IllegalArgumentException if {@code text} is {@code null}
     */
    public static Expression parse(String text) {
        Checks.notNull("expression text", text);
        return new Parser(text, null).parse();
    }

    /**
     * Parses expression text over inputs in an explicit order.
     *
     * @param text the text
     * @param variables the input names, in order; each must be used in the text (unless the
     *        text starts with an {@code input} header, which must then declare the same list)
     * @return the expression, with {@link #variables()} equal to {@code variables}
     * @throws ParseException if the text is malformed, uses a name that is neither an input nor
     *         bound by an assignment, assigns to an input, or does not use an input
     * @throws IllegalArgumentException if an argument is {@code null}, or a variable name is
     *         not a valid name or is repeated
     */
    public static Expression parse(String text, List<String> variables) {
        Checks.notNull("expression text", text);
        Checks.notNull("variables", variables);
        new Builder(variables);   // validates the names
        return new Parser(text, variables).parse();
    }

    /** @return a builder whose inputs are the names passed to {@link Builder#variable}, in order of first call */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param variables the input names, in order (an input may be left unused)
     * @return a builder over these inputs
     * @throws IllegalArgumentException if a name is invalid or repeated
     */
    public static Builder builder(List<String> variables) {
        return new Builder(variables);
    }

    /**
     * What parsing noticed but accepted: number literals beyond the range of {@code double}
     * ({@code 1e400} is read as ∞, {@code 1e-400} as 0), each with its line and column. Not part of
     * the expression's structure ({@link #equals}); empty for a built expression.
     *
     * @return the warnings, unmodifiable, in text order
     */
    public List<String> warnings() {
        return warnings;
    }

    Expression withWarnings(List<String> found) {
        warnings = List.copyOf(found);
        return this;
    }

    /** @return the input names, in input order; unmodifiable */
    public List<String> variables() {
        return variables;
    }

    /** @return n, the number of inputs */
    public int inputs() {
        return variables.size();
    }

    /** @return m, the number of outputs */
    public int outputs() {
        return outputs.length;
    }

    /**
     * Evaluates the expression on any number type, by the {@link RealFieldElement} methods and
     * {@link dev.wengert.core.Functions} helpers — never by {@code double} arithmetic on values.
     *
     * @param x the point, one element per input
     * @return one element per output
     * @throws IllegalArgumentException if {@code x} is {@code null}, holds {@code null}, or its
     *         length is not {@link #inputs()}; or if there are no inputs (the field is unknown:
     *         use {@link #value(double...)})
     */
    @Override
    public <T extends RealFieldElement<T>> T[] value(T[] x) {
        checkPoint(x, x == null ? 0 : x.length);
        if (x.length == 0) {
            throw new IllegalArgumentException("an expression without inputs cannot tell the number type from an "
                    + "empty array; use value(double...) or add an input");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("input " + i + " (" + variables.get(i) + ") must not be null");
            }
        }
        return evaluate(x[0].getField(), x);
    }

    /**
     * Evaluates the expression in {@code double} precision (on {@code Decimal64}).
     *
     * @param x the point, one value per input
     * @return one value per output
     * @throws IllegalArgumentException if the number of values is not {@link #inputs()}
     */
    public double[] value(double... x) {
        checkPoint(x, x == null ? 0 : x.length);
        Decimal64[] d = new Decimal64[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = new Decimal64(x[i]);
        }
        Decimal64[] y = evaluate(Decimal64Field.getInstance(), d);
        double[] r = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            r[k] = y[k].getReal();
        }
        return r;
    }

    private <T extends RealFieldElement<T>> T[] evaluate(Field<T> field, T[] x) {
        return Evaluator.evaluate(kinds, codes, lefts, rights, numbers, outputs, field, x);
    }

    private void checkPoint(Object x, int length) {
        if (x == null) {
            throw new IllegalArgumentException("point x must not be null; expected " + inputs() + " inputs "
                    + variables);
        }
        if (length != inputs()) {
            throw new IllegalArgumentException("expected " + inputs() + " inputs " + variables + ", but got "
                    + length);
        }
    }

    /**
     * @return this expression as a {@link ScalarFunction}, for a {@code gradient} or {@code hessian}
     * @throws IllegalArgumentException if it has more than one output
     */
    public ScalarFunction asScalarFunction() {
        if (outputs.length != 1) {
            throw new IllegalArgumentException("a scalar function needs exactly 1 output, but this expression has "
                    + outputs.length);
        }
        return new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return Expression.this.value(x)[0];
            }
        };
    }

    // ---- read-only access to the node list ----

    /** @return the number of nodes */
    public int size() {
        return kinds.length;
    }

    /**
     * @param node a node index
     * @return its kind
     */
    public NodeKind kind(int node) {
        return NodeTable.kind(kinds[check(node)]);
    }

    /**
     * @param node a node index
     * @param i 0 for the first operand, 1 for the second
     * @return the index of the operand (always smaller than {@code node})
     */
    public int operand(int node, int i) {
        int arity = kind(node).arity();
        if (i < 0 || i >= arity) {
            throw new IllegalArgumentException("node " + node + " (" + kind(node) + ") has " + arity
                    + " operands; there is no operand " + i);
        }
        return i == 0 ? lefts[node] : rights[node];
    }

    /**
     * @param node an {@link NodeKind#INPUT} node
     * @return its input index into {@link #variables()}
     */
    public int input(int node) {
        expect(node, NodeKind.INPUT);
        return codes[node];
    }

    /**
     * @param node a {@link NodeKind#CONSTANT} or {@link NodeKind#PARAMETRIC} node
     * @return the constant's value, or the rule's parameter
     */
    public double number(int node) {
        NodeKind k = kind(node);
        if (k != NodeKind.CONSTANT && k != NodeKind.PARAMETRIC) {
            throw new IllegalArgumentException("node " + node + " is " + k + ", expected CONSTANT or PARAMETRIC");
        }
        return numbers[node];
    }

    /**
     * @param node a {@link NodeKind#UNARY} node
     * @return its rule
     */
    public UnaryRule unaryRule(int node) {
        expect(node, NodeKind.UNARY);
        return UnaryRule.values()[codes[node]];
    }

    /**
     * @param node a {@link NodeKind#BINARY} node
     * @return its rule
     */
    public BinaryRule binaryRule(int node) {
        expect(node, NodeKind.BINARY);
        return BinaryRule.values()[codes[node]];
    }

    /**
     * @param node a {@link NodeKind#PARAMETRIC} node
     * @return its rule
     */
    public ParametricRule parametricRule(int node) {
        expect(node, NodeKind.PARAMETRIC);
        return ParametricRule.values()[codes[node]];
    }

    /**
     * @param k an output index
     * @return the node computing output k
     */
    public int output(int k) {
        if (k < 0 || k >= outputs.length) {
            throw new IllegalArgumentException("output index " + k + " out of range [0, " + outputs.length + ")");
        }
        return outputs[k];
    }

    /**
     * @param node a node index
     * @return a short label for drawing the graph: the input's name, the constant, the operator
     *         or function name, {@code "^3"} or {@code "rootN(·, 3)"} for a parametric node
     */
    public String label(int node) {
        return Printer.label(this, check(node));
    }

    private int check(int node) {
        if (node < 0 || node >= kinds.length) {
            throw new IllegalArgumentException("node index " + node + " out of range [0, " + kinds.length + ")");
        }
        return node;
    }

    private void expect(int node, NodeKind kind) {
        if (kind(node) != kind) {
            throw new IllegalArgumentException("node " + node + " is " + kind(node) + ", expected " + kind);
        }
    }

    // ---- text, equality ----

    /**
     * @return the expression as text that {@link #parse(String)} turns into an equal expression:
     *         minimal parentheses, shared subexpressions as bindings {@code t1 = …;}, and an
     *         {@code input} header when the input order is not the order of first appearance
     */
    public String toText() {
        String t = text;
        if (t == null) {
            t = Printer.print(this);
            text = t;
        }
        return t;
    }

    /** @return {@link #toText()} */
    @Override
    public String toString() {
        return toText();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Expression)) {
            return false;
        }
        Expression e = (Expression) o;
        return hashCode() == e.hashCode() && variables.equals(e.variables) && Arrays.equals(outputs, e.outputs)
                && Arrays.equals(kinds, e.kinds) && Arrays.equals(codes, e.codes)
                && Arrays.equals(lefts, e.lefts) && Arrays.equals(rights, e.rights)
                && sameBits(numbers, e.numbers);
    }

    private static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = variables.hashCode();
            h = 31 * h + Arrays.hashCode(outputs);
            h = 31 * h + Arrays.hashCode(kinds);
            h = 31 * h + Arrays.hashCode(codes);
            h = 31 * h + Arrays.hashCode(lefts);
            h = 31 * h + Arrays.hashCode(rights);
            h = 31 * h + Arrays.hashCode(numbers);   // Double.doubleToLongBits per element
            h = h == 0 ? 1 : h;
            hash = h;
        }
        return h;
    }

    /**
     * Builds an expression node by node, for generators and tools. Each method returns the index
     * of its node (to pass as an operand later); building the same node twice returns the same
     * index. Not thread-safe; {@link #build()} may be called more than once.
     *
     * <pre>{@code
     * Expression.Builder b = Expression.builder();
     * int x = b.variable("x"), y = b.variable("y");
     * int xy = b.binary(BinaryRule.MULTIPLY, x, y);
     * b.output(b.binary(BinaryRule.ADD, xy, b.unary(UnaryRule.SIN, xy)));
     * b.build().toText();   // "t1 = x*y; t1 + sin(t1)"
     * }</pre>
     */
    public static final class Builder extends NodeBuilder {

        Builder() {
        }

        Builder(List<String> variables) {
            super(variables);
        }

        /**
         * @param node a node to output (outputs are numbered in order of these calls)
         * @return this builder
         */
        public Builder output(int node) {
            operand(node);
            if (outCount == outs.length) {
                outs = Arrays.copyOf(outs, outCount * 2);
            }
            outs[outCount++] = node;
            return this;
        }

        /**
         * @return the expression: the nodes reachable from the outputs, in canonical order
         * @throws IllegalStateException if no output was given
         */
        public Expression build() {
            if (outCount == 0) {
                throw new IllegalStateException("an expression needs at least one output; call output(node)");
            }
            int[] o = Arrays.copyOf(outs, outCount);
            return new Expression(variables, table.canonical(o), o);
        }
    }
}
