package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.internal.Checks;
import java.util.Arrays;
import org.apache.commons.math3.util.MathArrays;

/**
 * Linear combinations Σ aₖ·bₖ on a {@link Tape}: one entry of k terms whose operands and partials
 * live in the side arrays {@link Tape#naryArgs} and {@link Tape#naryPartials}. Entry i holds
 * {@code args[2i]} = the offset of its first term there and {@code args[2i+1]} = its operand
 * count; each term is one {@link BinaryRule#MULTIPLY} (∂/∂aₖ = bₖ, ∂/∂bₖ = aₖ), summed.
 *
 * <pre>
 * Σ aₖ·bₖ, both taped   naryArgs:     a₀ b₀ a₁ b₁ …    (2k operands)
 *                       naryPartials: b₀ a₀ b₁ a₁ …
 * Σ cₖ·bₖ, c constant   naryArgs:     b₀ b₁ …          (k operands)
 *                       naryPartials: c₀ c₁ …
 * </pre>
 *
 * <p>The value is computed exactly as commons-math3's {@code Decimal64} computes it
 * ({@link MathArrays#linearCombination}, the array form or the fixed 2/3/4-term form, which
 * round differently), so a recording reproduces {@code Decimal64} bit for bit. All-constant
 * combinations fold into a constant entry.
 */
final class LinearCombinations {

    private LinearCombinations() {
    }

    /** Σ aₖ·bₖ, value as {@code Decimal64}: array overload, or the 2/3/4-term one if fixed. */
    static Var of(Tape t, Var[] a, Var[] b, boolean fixed) {
        TapeGuards.writable(t);
        int k = terms(a, b);
        double[] av = new double[k];
        double[] bv = new double[k];
        int[] ai = new int[k];
        int[] bi = new int[k];
        boolean constant = true;
        for (int s = 0; s < k; s++) {
            Var as = Checks.notNull("a[" + s + "]", a[s]);
            Var bs = Checks.notNull("b[" + s + "]", b[s]);
            ai[s] = TapeGuards.operand(t, as);
            bi[s] = TapeGuards.operand(t, bs);
            av[s] = as.value;
            bv[s] = bs.value;
            constant &= as.isConstant() && bs.isConstant();
        }
        int code = fixed ? OpCode.LC_VAR_FIXED : OpCode.LC_VAR_ARRAY;
        double f = combine(code, av, bv, k);
        if (constant) {
            return TapeAppends.push0(t, OpCode.CONSTANT, f);
        }
        int offset = reserveNary(t, 2 * k);
        for (int s = 0; s < k; s++) {
            t.naryArgs[offset + 2 * s] = ai[s];
            t.naryArgs[offset + 2 * s + 1] = bi[s];
            t.naryPartials[offset + 2 * s] = BinaryRule.MULTIPLY.dx(av[s], bv[s], av[s] * bv[s]);
            t.naryPartials[offset + 2 * s + 1] = BinaryRule.MULTIPLY.dy(av[s], bv[s], av[s] * bv[s]);
        }
        return TapeAppends.pushNary(t, code, offset, 2 * k, f);
    }

    /** Σ cₖ·bₖ with constant cₖ, value as {@code Decimal64}. */
    static Var of(Tape t, double[] c, Var[] b, boolean fixed) {
        TapeGuards.writable(t);
        Checks.notNull("a", c);
        Checks.notNull("b", b);
        if (c.length != b.length) {
            throw new IllegalArgumentException("linear combination: a has length " + c.length
                    + " but b has length " + b.length + "; expected equal lengths");
        }
        int k = c.length;
        double[] bv = new double[k];
        int[] bi = new int[k];
        boolean constant = true;
        for (int s = 0; s < k; s++) {
            Var bs = Checks.notNull("b[" + s + "]", b[s]);
            bi[s] = TapeGuards.operand(t, bs);
            bv[s] = bs.value;
            constant &= bs.isConstant();
        }
        int code = fixed ? OpCode.LC_CONST_FIXED : OpCode.LC_CONST_ARRAY;
        double f = combine(code, c, bv, k);
        if (constant) {
            return TapeAppends.push0(t, OpCode.CONSTANT, f);
        }
        int offset = reserveNary(t, k);
        for (int s = 0; s < k; s++) {
            t.naryArgs[offset + s] = bi[s];
            t.naryPartials[offset + s] = BinaryRule.MULTIPLY.dy(c[s], bv[s], c[s] * bv[s]);
        }
        return TapeAppends.pushNary(t, code, offset, k, f);
    }

    /**
     * The value of a linear combination exactly as {@code Decimal64} computes it.
     *
     * @param code one of the four linear-combination op codes
     * @param a the first factors (constants, or taped values)
     * @param b the second factors
     * @param k the number of terms
     * @return Σ aₖ·bₖ
     */
    static double combine(int code, double[] a, double[] b, int k) {
        if (code == OpCode.LC_VAR_ARRAY || code == OpCode.LC_CONST_ARRAY) {
            return MathArrays.linearCombination(a.length == k ? a : Arrays.copyOf(a, k),
                    b.length == k ? b : Arrays.copyOf(b, k));
        }
        switch (k) {
            case 2: return MathArrays.linearCombination(a[0], b[0], a[1], b[1]);
            case 3: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2]);
            case 4: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]);
            default: throw new IllegalStateException("fixed linear combination of " + k + " terms");
        }
    }

    private static int terms(Var[] a, Var[] b) {
        Checks.notNull("a", a);
        Checks.notNull("b", b);
        if (a.length != b.length) {
            throw new IllegalArgumentException("linear combination: a has length " + a.length
                    + " but b has length " + b.length + "; expected equal lengths");
        }
        return a.length;
    }

    /** Room for n more side-array slots, growing by half; returns the offset of the first. */
    private static int reserveNary(Tape t, int n) {
        int offset = t.narySize;
        if (offset + n > t.naryArgs.length) {
            int cap = Math.max(offset + n, t.naryArgs.length + (t.naryArgs.length >> 1) + 16);
            t.naryArgs = Arrays.copyOf(t.naryArgs, cap);
            t.naryPartials = Arrays.copyOf(t.naryPartials, cap);
        }
        t.narySize = offset + n;
        return offset;
    }
}
