package dev.wengert.properties;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random <b>layered</b> programs, the shape of a network or a discretised model: n inputs
 * (2–{@value #MAX_INPUTS}), then up to {@value #MAX_LAYERS} layers of one width, 40 to {@value #MAX_WIDTH} nodes,
 * each node one rule applied to its lane in the layer below and, for a binary rule, to a node of
 * the layer below (now and then of any layer further down): up to {@value #MAX_OPERATIONS}
 * operations, about 2,000 on average; the outputs are the top layer's nodes (and a few of the layer
 * below). They are long
 * and wide enough for mixed mode to cut them into many segments and for the sparse Jacobian to colour
 * many columns together.
 *
 * <p>They are built to meet <b>singular points</b>: the inputs include 0 and −0, and a node is now
 * and then u − u, u·0 or a constant 0, so exact zeros flow into sqrt, hypot, log, reciprocal, pow
 * and abs, and infinite or NaN partials meet zero tangents and adjoints. No domain is guarded: these
 * programs are for agreement between modes (NaN where one gives NaN), not against finite differences.
 * Nothing recurses. Smaller draws mean fewer layers, narrower layers and the first rules of each
 * table, so shrinking makes a failing program smaller.
 */
final class LayeredPrograms implements Gen<Program> {

    static final int MAX_INPUTS = 40;
    static final int MAX_LAYERS = 40;
    static final int MAX_WIDTH = 160;
    static final int MAX_OPERATIONS = 6000;

    private static final double[] INPUTS = {0.0, 1, -1, 0.5, -0.0, 2, -2.5, 3};
    /** Rules that keep values moderate, drawn most often so the values stay finite over many layers. */
    private static final UnaryRule[] TAME_UNARY = {UnaryRule.SIN, UnaryRule.TANH, UnaryRule.SQRT, UnaryRule.ABS,
        UnaryRule.RELU, UnaryRule.ATAN, UnaryRule.SIGMOID, UnaryRule.NEGATE, UnaryRule.LOG, UnaryRule.SQUARE,
        UnaryRule.CBRT, UnaryRule.RECIPROCAL};
    private static final BinaryRule[] TAME_BINARY = {BinaryRule.ADD, BinaryRule.SUBTRACT, BinaryRule.MULTIPLY,
        BinaryRule.HYPOT, BinaryRule.DIVIDE, BinaryRule.ATAN2, BinaryRule.MAX, BinaryRule.MIN};
    private static final UnaryRule[] UNARY = UnaryRule.values();
    private static final BinaryRule[] BINARY = BinaryRule.values();
    private static final ParametricRule[] PARAMETRIC = ParametricRule.values();
    private static final double[] POWERS = {2, 0.5, 3, -1, 1.5, 0, 1, -0.5};

    @Override
    public Program generate(RandomnessSource in) {
        int n = draw(in, 2, MAX_INPUTS);
        double[] x = new double[n];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            x[j] = draw(in, 0, 3) == 0 ? draw(in, -3000, 3000) / 1000.0 : INPUTS[draw(in, 0, INPUTS.length - 1)];
            names.add("x" + j);
        }
        Expression.Builder b = Expression.builder(names);
        int[] below = new int[n];
        List<int[]> layers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            below[j] = b.variable(names.get(j));
        }
        layers.add(below);
        int layerCount = draw(in, 1, MAX_LAYERS);
        int width = draw(in, MAX_WIDTH / 4, MAX_WIDTH);
        int operations = 0;
        for (int l = 0; l < layerCount && operations < MAX_OPERATIONS; l++) {
            int[] layer = new int[width];
            for (int k = 0; k < width; k++) {
                // node k's first operand is node k of the layer below (its lane), so every node is
                // used and the top layer depends on all of them: layers × width operations
                layer[k] = node(in, b, below[k % below.length], below, layers);
            }
            operations += width;
            layers.add(layer);
            below = layer;
        }
        // the outputs: the top layer, and now and then a node of the layer below it
        int top = layers.size() - 1;
        for (int node : layers.get(top)) {
            b.output(node);
        }
        for (int extra = draw(in, 0, 4); extra > 0 && top > 1; extra--) {
            int[] from = layers.get(top - 1);
            b.output(from[draw(in, 0, from.length - 1)]);
        }
        return new Program(b.build(), x, "layered", Double.NaN, true, true);
    }

    private static int node(RandomnessSource in, Expression.Builder b, int u, int[] below, List<int[]> layers) {
        int kind = draw(in, 0, 11);
        switch (kind) {
            case 0:
            case 1:
            case 2:
                return b.unary(draw(in, 0, 4) == 0 ? UNARY[draw(in, 0, UNARY.length - 1)]
                        : TAME_UNARY[draw(in, 0, TAME_UNARY.length - 1)], u);
            case 3:
            case 4:
            case 5:
            case 6:
                BinaryRule rule = draw(in, 0, 4) == 0 ? BINARY[draw(in, 0, BINARY.length - 1)]
                        : TAME_BINARY[draw(in, 0, TAME_BINARY.length - 1)];
                return b.binary(rule, u, pick(in, below, layers));
            case 7:
                ParametricRule p = PARAMETRIC[draw(in, 0, PARAMETRIC.length - 1)];
                double parameter = p == ParametricRule.POW ? POWERS[draw(in, 0, POWERS.length - 1)]
                        : p == ParametricRule.POW_INT ? draw(in, -2, 3) : p == ParametricRule.ROOT_N ? draw(in, 2, 4)
                        : p == ParametricRule.SCALB ? draw(in, -2, 2) : 1.5;
                return b.parametric(p, u, parameter);
            case 8:
                // an exact zero that still depends on u: u − u, or u·0
                return draw(in, 0, 1) == 0 ? b.binary(BinaryRule.SUBTRACT, u, u)
                        : b.binary(BinaryRule.MULTIPLY, u, b.constant(0.0));
            default:
                return b.binary(BinaryRule.ADD, u, pick(in, below, layers));
        }
    }

    /** An operand: mostly from the layer below, sometimes from any layer further down. */
    private static int pick(RandomnessSource in, int[] below, List<int[]> layers) {
        int[] from = draw(in, 0, 7) == 0 ? layers.get(draw(in, 0, layers.size() - 1)) : below;
        return from[draw(in, 0, from.length - 1)];
    }

    private static int draw(RandomnessSource in, int min, int max) {
        Constraint c = Constraint.between(min, max).withShrinkPoint(min <= 0 && max >= 0 ? 0 : min);
        return (int) in.next(c);
    }
}
