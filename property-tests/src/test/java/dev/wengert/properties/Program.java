package dev.wengert.properties;

import dev.wengert.core.expr.Expression;

/**
 * A random program and the point to differentiate it at, as {@link ProgramGenerator} draws them.
 * Its {@link #toString()} is what a failing property prints: the program as text that
 * {@link Expression#parse(String)} accepts, and the point, so the case can be pasted into a test.
 */
final class Program {

    /** The program, f: R<sup>n</sup> → R<sup>m</sup>. */
    final Expression expression;
    /** The point x, one value per input. */
    final double[] point;
    /** "safe" (inside every rule's domain, away from kinks) or "raw" (special values, any domain). */
    final String flavour;
    /**
     * The largest entry of the absolute-value Jacobian: every chain-rule product taken with
     * |partial|, so no cancellation — a bound on the terms a mode sums, whatever its order.
     */
    final double sensitivity;

    /**
     * Whether the program uses a rule at a point where the conventions table says Wengert
     * deliberately differs from {@code DerivativeStructure} (rootN of a negative number; x⁰ and x¹ at 0, whose f″ Wengert defines as 0), or where
     * {@code DerivativeStructure} approximates (hypot with arguments 2²⁷ apart in magnitude).
     * The generator only knows this for nodes it kept; a node shared by the builder keeps its flag.
     */
    final boolean differsFromDerivativeStructure;

    /**
     * Whether a node may read the sign bit of a NaN — copySign with a NaN argument, the derivative
     * of abs at NaN. Java leaves a NaN's sign bit unspecified, and HotSpot gives different ones in
     * interpreted and compiled code ({@code Math.max(+NaN, −NaN)} is +NaN interpreted, −NaN once
     * C2 has compiled it; ∞ − ∞ is −NaN on x86), so such a result depends on JIT state even in
     * {@code Decimal64} alone, and cannot be bit-identical across modes. A conservative flag: it is
     * also set where the node was built but not kept.
     */
    final boolean readsNaNSign;

    Program(Expression expression, double[] point, String flavour, double sensitivity,
            boolean differsFromDerivativeStructure, boolean readsNaNSign) {
        this.readsNaNSign = readsNaNSign;
        this.differsFromDerivativeStructure = differsFromDerivativeStructure;
        this.expression = expression;
        this.point = point.clone();
        this.flavour = flavour;
        this.sensitivity = sensitivity;
    }

    /** @return the point, a fresh copy */
    double[] point() {
        return point.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(flavour).append(" program, n = ").append(expression.inputs()).append(", m = ")
                .append(expression.outputs()).append(", ").append(expression.size()).append(" nodes:\n")
                .append("    Expression.parse(\"")
                .append(expression.toText().replace("\n", "; ")).append("\", List.of(");
        for (int j = 0; j < expression.inputs(); j++) {
            s.append(j == 0 ? "\"" : ", \"").append(expression.variables().get(j)).append('"');
        }
        s.append("))\n    at x = new double[] {");
        for (int j = 0; j < point.length; j++) {
            s.append(j == 0 ? "" : ", ").append(literal(point[j]));
        }
        return s.append('}').toString();
    }

    /** @return x as a Java literal: {@code Double.NaN}, {@code -0.0}, {@code Double.MIN_VALUE}, … */
    static String literal(double x) {
        if (Double.isNaN(x)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        if (x == Double.MAX_VALUE || x == -Double.MAX_VALUE) {
            return (x < 0 ? "-" : "") + "Double.MAX_VALUE";
        }
        return Double.toString(x);
    }
}
