package dev.wengert.reverse.kernel;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;

/**
 * The op codes of the tape: one {@code byte} per entry that names the rule of the ad-core table
 * the entry applied, so every sweep (adjoint, tangent, second-order, replay) can find its value,
 * first and second derivatives in that table again — no derivative is restated here.
 *
 * <pre>
 * code                         kind                 operands          partials          parameter
 * 0                            INPUT                —                 —                 —
 * 1                            CONSTANT             —                 —                 —
 * UNARY + r.ordinal()          f = r(x)             x                 f′                —
 * PARAMETRIC + r.ordinal()     f = r(x; p)          x                 ∂f/∂x             p
 * BINARY + r.ordinal()         f = r(x, y)          x, y              ∂f/∂x, ∂f/∂y      —
 * BINARY_CONSTANT + r.ordinal  f = r(x, c)          x                 ∂f/∂x             c
 * LC_VAR_ARRAY / LC_VAR_FIXED  Σ aₖ·bₖ              a₁, b₁, a₂, b₂ …  b₁, a₁, b₂, a₂ …   —
 * LC_CONST_ARRAY / _FIXED      Σ cₖ·bₖ              b₁, b₂ …          c₁, c₂ …          (the cₖ)
 * </pre>
 *
 * <p>The linear combinations come in two flavours because commons-math3's {@code Decimal64}
 * evaluates the array overloads and the 2-, 3- and 4-term overloads with different (not
 * necessarily bit-identical) routines of {@code MathArrays}; the tape remembers which, so a replay
 * reproduces a fresh recording bit for bit.
 */
public class OpCodes {

    /** An input of the recording. */
    public static final int INPUT = 0;
    /** A constant: no operands, never differentiated, kept by replay. */
    public static final int CONSTANT = 1;
    /** First code of the unary rules. */
    public static final int UNARY = 2;
    /** First code of the parametric rules. */
    public static final int PARAMETRIC = UNARY + UnaryRule.values().length;
    /** First code of the binary rules with two taped operands. */
    public static final int BINARY = PARAMETRIC + ParametricRule.values().length;
    /** First code of the binary rules with a constant right operand ({@code x.add(2.0)}). */
    public static final int BINARY_CONSTANT = BINARY + BinaryRule.values().length;
    /** Σ aₖ·bₖ over taped pairs, {@code MathArrays.linearCombination(double[], double[])}. */
    public static final int LC_VAR_ARRAY = BINARY_CONSTANT + BinaryRule.values().length;
    /** Σ aₖ·bₖ over 2 to 4 taped pairs, the fixed-arity {@code MathArrays.linearCombination}. */
    public static final int LC_VAR_FIXED = LC_VAR_ARRAY + 1;
    /** Σ cₖ·bₖ with constant cₖ, array overload. */
    public static final int LC_CONST_ARRAY = LC_VAR_ARRAY + 2;
    /** Σ cₖ·bₖ with constant cₖ, 2 to 4 terms. */
    public static final int LC_CONST_FIXED = LC_VAR_ARRAY + 3;
    /** Number of op codes. */
    public static final int COUNT = LC_VAR_ARRAY + 4;

    /** Sweep kind: no operands (input or constant). */
    public static final byte LEAF = 0;
    /** Sweep kind: one operand (unary, parametric, binary with a constant). */
    public static final byte ONE = 1;
    /** Sweep kind: two operands. */
    public static final byte TWO = 2;
    /** Sweep kind: a linear combination, operands and partials in the side arrays. */
    public static final byte MANY = 3;

    /** Sweep kind by op code (read-only by contract: the kernels and the tape share it). */
    public static final byte[] KIND = new byte[COUNT];

    /** The unary rules by ordinal: code {@code UNARY + k} applies {@code UNARY_RULES[k]}. */
    public static final UnaryRule[] UNARY_RULES = UnaryRule.values();
    /** The parametric rules by ordinal: code {@code PARAMETRIC + k} applies {@code PARAMETRIC_RULES[k]}. */
    public static final ParametricRule[] PARAMETRIC_RULES = ParametricRule.values();
    /** The binary rules by ordinal, for codes {@code BINARY + k} and {@code BINARY_CONSTANT + k}. */
    public static final BinaryRule[] BINARY_RULES = BinaryRule.values();

    static {
        if (COUNT > Byte.MAX_VALUE) {
            throw new ExceptionInInitializerError("too many op codes for a byte: " + COUNT);
        }
        for (int c = 0; c < COUNT; c++) {
            KIND[c] = c < UNARY ? LEAF : c < BINARY ? ONE : c < BINARY_CONSTANT ? TWO
                    : c < LC_VAR_ARRAY ? ONE : MANY;
        }
    }

    /** Only {@code dev.wengert.reverse.OpCode}, which gives the tape its short name for these codes. */
    protected OpCodes() {
    }

    /**
     * @param rule a unary rule
     * @return its op code
     */
    public static int unary(UnaryRule rule) {
        return UNARY + rule.ordinal();
    }

    /**
     * @param rule a parametric rule
     * @return its op code
     */
    public static int parametric(ParametricRule rule) {
        return PARAMETRIC + rule.ordinal();
    }

    /**
     * @param rule a binary rule
     * @return its op code for two taped operands
     */
    public static int binary(BinaryRule rule) {
        return BINARY + rule.ordinal();
    }

    /**
     * @param rule a binary rule
     * @return its op code for a taped left operand and a constant right one
     */
    public static int binaryConstant(BinaryRule rule) {
        return BINARY_CONSTANT + rule.ordinal();
    }

    /**
     * @param code an op code
     * @return its printable name: {@code "input"}, {@code "const"}, a function name
     *         ({@code "sin"}, {@code "pow"}), an operator symbol ({@code "*"}) or
     *         {@code "linearCombination"}
     */
    public static String name(int code) {
        if (code == INPUT) {
            return "input";
        }
        if (code == CONSTANT) {
            return "const";
        }
        if (code < PARAMETRIC) {
            return UNARY_RULES[code - UNARY].functionName();
        }
        if (code < BINARY) {
            return PARAMETRIC_RULES[code - PARAMETRIC].functionName();
        }
        if (code < BINARY_CONSTANT) {
            return BINARY_RULES[code - BINARY].symbol();
        }
        if (code < LC_VAR_ARRAY) {
            return BINARY_RULES[code - BINARY_CONSTANT].symbol();
        }
        return "linearCombination";
    }

    /**
     * @param code an op code
     * @return whether it is written as an infix operator ({@code +}, {@code -}, {@code *}, {@code /})
     */
    public static boolean infix(int code) {
        int r = code >= BINARY_CONSTANT && code < LC_VAR_ARRAY ? code - BINARY_CONSTANT
                : code >= BINARY && code < BINARY_CONSTANT ? code - BINARY : -1;
        return r >= 0 && BINARY_RULES[r].symbol().length() == 1;
    }
}
