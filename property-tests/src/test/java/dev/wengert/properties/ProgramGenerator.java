package dev.wengert.properties;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.expr.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.util.FastMath;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random programs: expression DAGs over every rule of {@link UnaryRule}, {@link BinaryRule} and
 * {@link ParametricRule} (so every {@code Functions} helper too), with n inputs (1–8), m outputs
 * (1–6) and depth at most {@value #MAX_DEPTH}. Operands are drawn from all nodes built so far, and
 * the builder stores identical subtrees once, so programs share subexpressions.
 *
 * <p>Every choice is one draw from QuickTheories' {@link RandomnessSource}, arranged so that a
 * smaller draw means a simpler program: fewer operations, the most recent node as operand (a
 * chain), the first rules of each table, small parameters. Shrinking the draws therefore shrinks
 * the program, and a failing case is reported small.
 *
 * <p>Two flavours:
 * <ul>
 *   <li><b>safe</b> — inputs in [−3, 3]; the program is evaluated on {@code double} while it is
 *       built, and a node is rejected (not built) unless its rule's {@code safe(…, margin)}
 *       predicate holds at the actual operand values, its value and derivatives are finite, its
 *       value is at most {@value #MAX_VALUE} in magnitude and its sensitivity (absolute-value
 *       gradient) at most {@value #MAX_SENSITIVITY}. The margin grows with the operand's
 *       sensitivity, so a finite-difference stencil around the point (half-width 0.04·max(1, |x|))
 *       stays on the smooth side of every kink, pole and domain edge.</li>
 *   <li><b>raw</b> — inputs and constants include 0, −0.0, ±1, ±∞, NaN, {@code MIN_VALUE},
 *       {@code MIN_NORMAL}, {@code MAX_VALUE}, and no domain is guarded.</li>
 * </ul>
 * Nothing here recurses: a program is built in one loop.
 */
final class ProgramGenerator implements Gen<Program> {

    static final int MAX_INPUTS = 8;
    static final int MAX_OUTPUTS = 6;
    static final int MAX_DEPTH = 8;
    static final int MAX_OPERATIONS = 64;
    static final double MAX_VALUE = 1e3;
    static final double MAX_SENSITIVITY = 30;
    /** Operands are drawn among the newest few nodes (so programs grow deep as well as wide). */
    static final int REACH_BACK = 6;

    /** The finite-difference stencil's half-width relative to max(1, |x|), with room to spare. */
    private static final double REACH = 0.05;

    private static final UnaryRule[] UNARY = UnaryRule.values();
    private static final BinaryRule[] BINARY = BinaryRule.values();
    private static final ParametricRule[] PARAMETRIC = ParametricRule.values();

    private static final double[] SAFE_CONSTANTS = {2, 0.5, -1.5, 3, 0.25, -0.75, 1.25, -1};
    private static final double[] SPECIAL = {0.0, -0.0, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MIN_VALUE};
    private static final double[] REAL_POWERS = {2.5, 0.5, -1.5, 1.0, 0.0, 3.0, -0.5, 1.5};
    private static final double[] REMAINDER_DIVISORS = {2, 1.5, -0.75, 3};
    private static final double[] SIGNS = {1, -1, 0.0, -0.0};

    private final boolean safe;

    private ProgramGenerator(boolean safe) {
        this.safe = safe;
    }

    /** @return programs for the oracle checks: inside every domain, away from kinks */
    static ProgramGenerator safe() {
        return new ProgramGenerator(true);
    }

    /** @return programs with special values and unguarded domains, for NaN, ±∞ and exception behaviour */
    static ProgramGenerator raw() {
        return new ProgramGenerator(false);
    }

    /**
     * @return layered programs of up to thousands of operations, wide layers and exact zeros at
     *         singular points ({@link LayeredPrograms}), for agreement between orders of the chain rule
     */
    static Gen<Program> layered() {
        return new LayeredPrograms();
    }

    @Override
    public Program generate(RandomnessSource in) {
        int n = draw(in, 1, MAX_INPUTS);
        int m = draw(in, 1, MAX_OUTPUTS);
        double[] x = new double[n];
        double scale = 1;
        for (int j = 0; j < n; j++) {
            x[j] = safe ? draw(in, -3000, 3000) / 1000.0 : rawNumber(in);
            scale = Math.max(scale, Math.abs(x[j]));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("x" + j);
        }
        Expression.Builder b = Expression.builder(names);
        Nodes nodes = new Nodes(n);
        for (int j = 0; j < n; j++) {
            double[] g = new double[n];
            g[j] = 1;
            nodes.add(b.variable(names.get(j)), x[j], 0, g);
        }
        int operations = draw(in, 0, MAX_OPERATIONS);
        for (int k = 0; k < operations; k++) {
            int kind = draw(in, 0, 3);
            if (kind == 0) {
                addUnary(in, b, nodes, scale);
            } else if (kind == 1) {
                addBinary(in, b, nodes, scale);
            } else if (kind == 2) {
                addParametric(in, b, nodes, scale);
            } else {
                double c = safe ? SAFE_CONSTANTS[draw(in, 0, SAFE_CONSTANTS.length - 1)] : rawNumber(in);
                nodes.add(b.constant(c), c, 0, new double[n]);
            }
        }
        for (int i = 0; i < m; i++) {
            b.output(nodes.id[nodes.recent(draw(in, 0, Math.min(nodes.size - 1, m)), MAX_DEPTH + 1)]);
        }
        Expression e = b.build();
        return new Program(e, x, safe ? "safe" : "raw", nodes.sensitivity(), nodes.differsFromDerivativeStructure,
                nodes.readsNaNSign);
    }

    private void addUnary(RandomnessSource in, Expression.Builder b, Nodes nodes, double scale) {
        UnaryRule rule = UNARY[draw(in, 0, UNARY.length - 1)];
        int u = nodes.recent(draw(in, 0, Math.min(nodes.size - 1, REACH_BACK)), MAX_DEPTH);
        double x = nodes.value[u];
        double f = rule.value(x);
        double f1 = rule.first(x, f);
        if (safe && !(rule.safe(x, margin(nodes, u, scale)) && smooth(f, f1, rule.second(x, f, f1)))) {
            return;
        }
        nodes.readsNaNSign |= rule == UnaryRule.ABS && Double.isNaN(x);
        nodes.add(b.unary(rule, nodes.id[u]), f, nodes.depth[u] + 1, nodes.scaled(u, f1, -1, 0));
    }

    private void addBinary(RandomnessSource in, Expression.Builder b, Nodes nodes, double scale) {
        BinaryRule rule = BINARY[draw(in, 0, BINARY.length - 1)];
        int u = nodes.recent(draw(in, 0, Math.min(nodes.size - 1, REACH_BACK)), MAX_DEPTH);
        int w = nodes.recent(draw(in, 0, Math.min(nodes.size - 1, REACH_BACK)), MAX_DEPTH);
        double x = nodes.value[u];
        double y = nodes.value[w];
        double f = rule.value(x, y);
        double fx = rule.dx(x, y, f);
        double fy = rule.dy(x, y, f);
        if (safe) {
            double margin = Math.max(margin(nodes, u, scale), margin(nodes, w, scale));
            if (!(rule.safe(x, y, margin) && smooth(f, fx, fy)
                    && smooth(rule.dxx(x, y, f), rule.dxy(x, y, f), rule.dyy(x, y, f)))) {
                return;
            }
        }
        nodes.readsNaNSign |= rule == BinaryRule.COPY_SIGN && (Double.isNaN(x) || Double.isNaN(y));
        int depth = Math.max(nodes.depth[u], nodes.depth[w]) + 1;
        int size = nodes.size;
        nodes.add(b.binary(rule, nodes.id[u], nodes.id[w]), f, depth, nodes.scaled(u, fx, w, fy));
        if (nodes.size > size && rule == BinaryRule.HYPOT && lopsided(x, y)) {
            nodes.differsFromDerivativeStructure = true;
        }
    }

    /**
     * commons-math3's {@code DerivativeStructure.hypot(x, y)} returns |y| when the exponent of y
     * exceeds x's by more than 27 (x = ±0 included), so its second derivative in x is 0 instead of
     * 1/|y| there: {@code hypot(-4·x0, -8·x1)} at (0, 0.053) has ∂²/∂x0² = 37.7, DS says 0.
     */
    private static boolean lopsided(double x, double y) {
        return Math.abs(FastMath.getExponent(x) - FastMath.getExponent(y)) > 27;
    }

    private void addParametric(RandomnessSource in, Expression.Builder b, Nodes nodes, double scale) {
        ParametricRule rule = PARAMETRIC[draw(in, 0, PARAMETRIC.length - 1)];
        double p = parameter(in, rule);
        int u = nodes.recent(draw(in, 0, Math.min(nodes.size - 1, REACH_BACK)), MAX_DEPTH);
        double x = nodes.value[u];
        double f = rule.value(x, p);
        double f1 = rule.first(x, p, f);
        if (safe && !(rule.safe(x, p, margin(nodes, u, scale)) && smooth(f, f1, rule.second(x, p, f, f1)))) {
            return;
        }
        int size = nodes.size;
        nodes.readsNaNSign |= rule == ParametricRule.COPY_SIGN && Double.isNaN(x);
        nodes.add(b.parametric(rule, nodes.id[u], p), f, nodes.depth[u] + 1, nodes.scaled(u, f1, -1, 0));
        boolean conventionDiffers = rule == ParametricRule.ROOT_N && x < 0
                || (rule == ParametricRule.POW || rule == ParametricRule.POW_INT) && (p == 0 || p == 1) && x == 0;
        if (nodes.size > size && conventionDiffers) {
            nodes.differsFromDerivativeStructure = true;
        }
    }

    private double parameter(RandomnessSource in, ParametricRule rule) {
        switch (rule) {
            case POW:
                return REAL_POWERS[draw(in, 0, REAL_POWERS.length - 1)];
            case POW_INT:
                return draw(in, safe ? -3 : -40, safe ? 4 : 1100);
            case ROOT_N:
                return safe ? draw(in, 2, 5) : draw(in, -3, 6);
            case SCALB:
                return safe ? draw(in, -3, 3) : draw(in, -1100, 1100);
            case REMAINDER:
                return safe ? REMAINDER_DIVISORS[draw(in, 0, REMAINDER_DIVISORS.length - 1)] : rawNumber(in);
            default:
                return safe ? SIGNS[draw(in, 0, 1)] : SIGNS[draw(in, 0, SIGNS.length - 1)];
        }
    }

    /** The distance a stencil around the point may move operand u: its sensitivity times the reach. */
    private static double margin(Nodes nodes, int u, double scale) {
        return 1e-3 + REACH * scale * nodes.sensitivity(u);
    }

    private static boolean smooth(double f, double d1, double d2) {
        return Math.abs(f) <= MAX_VALUE && Double.isFinite(d1) && Double.isFinite(d2);
    }

    /** A raw number: half the time a special value, else a moderate one with three decimals. */
    private static double rawNumber(RandomnessSource in) {
        int pick = draw(in, 0, 2 * SPECIAL.length - 1);
        return pick < SPECIAL.length ? SPECIAL[pick] : draw(in, -3000, 3000) / 1000.0;
    }

    private static int draw(RandomnessSource in, int min, int max) {
        Constraint c = Constraint.between(min, max).withShrinkPoint(min <= 0 && max >= 0 ? 0 : min);
        return (int) in.next(c);
    }

    /** The nodes built so far, with their values, depths and absolute-value gradients. */
    private final class Nodes {
        final int inputs;
        int[] id = new int[64];
        double[] value = new double[64];
        int[] depth = new int[64];
        double[][] gradient = new double[64][];
        int size;
        /** Whether a node sits on a row of the conventions table where Wengert and DerivativeStructure differ. */
        boolean differsFromDerivativeStructure;
        /** Whether a node may read the sign bit of a NaN (copySign, abs′): see {@link Program#readsNaNSign}. */
        boolean readsNaNSign;

        Nodes(int inputs) {
            this.inputs = inputs;
        }

        void add(int node, double v, int d, double[] g) {
            if (safe && (!(Math.abs(v) <= MAX_VALUE) || max(g) > MAX_SENSITIVITY)) {
                return;
            }
            for (int i = 0; i < size; i++) {
                if (id[i] == node) {
                    return;   // the builder shared it: the same node again
                }
            }
            if (size == id.length) {
                id = Arrays.copyOf(id, size * 2);
                value = Arrays.copyOf(value, size * 2);
                depth = Arrays.copyOf(depth, size * 2);
                gradient = Arrays.copyOf(gradient, size * 2);
            }
            id[size] = node;
            value[size] = v;
            depth[size] = d;
            gradient[size] = g;
            size++;
        }

        /**
         * @param back how far back from the newest node (0 = the newest)
         * @param depthLimit operands must have depth below this
         * @return the newest node at least {@code back} steps back whose depth is below the limit
         */
        int recent(int back, int depthLimit) {
            for (int i = size - 1 - back; i >= 0; i--) {
                if (depth[i] < depthLimit) {
                    return i;
                }
            }
            return 0;   // an input, depth 0
        }

        /** |a|·g(u) + |c|·g(w): the absolute-value gradient of a node with operands u, w. */
        double[] scaled(int u, double a, int w, double c) {
            double[] g = new double[inputs];
            for (int j = 0; j < inputs; j++) {
                g[j] = Math.abs(a) * gradient[u][j] + (w < 0 ? 0 : Math.abs(c) * gradient[w][j]);
            }
            return g;
        }

        double sensitivity(int u) {
            return max(gradient[u]);
        }

        /** @return a bound on the largest absolute-value Jacobian entry over the outputs */
        double sensitivity() {
            double s = 0;
            for (int i = 0; i < size; i++) {   // every node bounds itself, so the outputs too
                s = Math.max(s, max(gradient[i]));
            }
            return s;
        }

        private double max(double[] g) {
            double s = 0;
            for (double v : g) {
                s = Math.max(s, Math.abs(v));
            }
            return s;
        }
    }
}
