package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Elementary;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;

/**
 * A value recorded on a {@link Tape}: a handle (tape, index) that also carries its value. Every
 * operation appends one entry to
 * the tape — its value, computed exactly as commons-math3's {@code Decimal64} computes it, and its
 * local partials, taken from the ad-core rule table ({@link UnaryRule}, {@link ParametricRule},
 * {@link BinaryRule}) — and returns the handle of the new entry. A Var is immutable, 32 bytes
 * (tape, index, a stamp — the tape's epoch and whether the entry is a constant — and the value,
 * so operations never read their operands back from the tape), and only meaningful with its
 * tape.
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * Var a = tape.input(3), b = tape.input(4);
 * Var c = a.multiply(b);                     // entry 2: value 12, partials (4, 3)
 * double[] g = tape.record(c).gradient();    // {4, 3}
 * }</pre>
 *
 * <p><b>Escapes</b>: {@link #getReal()} and {@link #round()} hand a value to user code, which may
 * branch on it or feed it back as a number; on any Var but a constant — inputs included — they
 * mark the recording as not replayable (see {@link Recording}'s replay rule). {@link #toString()}
 * is not an escape. Comparisons do not exist on Var; {@code Functions.max}, {@code relu} and the like
 * are single tape entries whose partial is recomputed at replay, so they do not escape.
 * {@code equals} is identity.
 *
 * <p>Errors: an operand from another tape throws {@link IllegalArgumentException}; a Var of a
 * tape that was reset or closed, or use from a thread other than the tape's, throws
 * {@link IllegalStateException}.
 */
public final class Var implements RealFieldElement<Var>, Elementary<Var> {

    final Tape tape;
    final int index;
    /** (the tape's epoch when recorded) &lt;&lt; 1, | 1 if the entry is a constant. */
    final int stamp;
    /** The value as recorded; {@link #getReal()} reads the tape instead (a replay may move it). */
    final double value;

    Var(Tape tape, int index, int stamp, double value) {
        this.tape = tape;
        this.index = index;
        this.stamp = stamp;
        this.value = value;
    }

    /** @return whether the entry is a constant (op {@code const}) */
    boolean isConstant() {
        return (stamp & 1) != 0;
    }

    /** @return this Var's position on its tape (entry vᵢ of the Wengert list) */
    public int index() {
        return index;
    }

    /** @return the value; marks the recording not replayable unless this is a constant */
    @Override
    public double getReal() {
        return TapeGuards.read(tape, this, "getReal()");
    }

    /** @return the field of this tape's Vars (constants zero and one on the same tape) */
    @Override
    public Field<Var> getField() {
        tape.checkThread();
        return tape.field();
    }

    @Override
    public Var apply(UnaryRule rule) {
        return TapeAppends.unary(tape, rule, this);
    }

    @Override
    public Var apply(BinaryRule rule, Var other) {
        return TapeAppends.binary(tape, rule, this, other);
    }

    // ---- arithmetic: BinaryRule ADD, SUBTRACT, MULTIPLY, DIVIDE; UnaryRule NEGATE, RECIPROCAL

    /**
     * @param a addend
     * @return this + a
     */
    @Override public Var add(Var a) { return TapeAppends.binary(tape, BinaryRule.ADD, this, a); }
    /**
     * @param a constant addend
     * @return this + a
     */
    @Override public Var add(double a) { return TapeAppends.binaryConstant(tape, BinaryRule.ADD, this, a); }
    /**
     * @param a subtrahend
     * @return this − a
     */
    @Override public Var subtract(Var a) { return TapeAppends.binary(tape, BinaryRule.SUBTRACT, this, a); }
    /**
     * @param a constant subtrahend
     * @return this − a
     */
    @Override public Var subtract(double a) { return TapeAppends.binaryConstant(tape, BinaryRule.SUBTRACT, this, a); }
    /** @return −this */
    @Override public Var negate() { return TapeAppends.unary(tape, UnaryRule.NEGATE, this); }
    /**
     * @param n integer factor
     * @return this · n
     */
    @Override public Var multiply(int n) { return TapeAppends.binaryConstant(tape, BinaryRule.MULTIPLY, this, n); }
    /**
     * @param a factor
     * @return this · a
     */
    @Override public Var multiply(Var a) { return TapeAppends.binary(tape, BinaryRule.MULTIPLY, this, a); }
    /**
     * @param a constant factor
     * @return this · a
     */
    @Override public Var multiply(double a) { return TapeAppends.binaryConstant(tape, BinaryRule.MULTIPLY, this, a); }
    /**
     * @param a divisor
     * @return this / a
     */
    @Override public Var divide(Var a) { return TapeAppends.binary(tape, BinaryRule.DIVIDE, this, a); }
    /**
     * @param a constant divisor
     * @return this / a
     */
    @Override public Var divide(double a) { return TapeAppends.binaryConstant(tape, BinaryRule.DIVIDE, this, a); }
    /** @return 1 / this */
    @Override public Var reciprocal() { return TapeAppends.unary(tape, UnaryRule.RECIPROCAL, this); }

    // ---- rounding and signs

    /**
     * @param a constant divisor
     * @return IEEEremainder(this, a) (ParametricRule.REMAINDER)
     */
    @Override public Var remainder(double a) { return TapeAppends.parametric(tape, ParametricRule.REMAINDER, this, a); }
    /**
     * @param a divisor
     * @return IEEEremainder(this, a) (BinaryRule.REMAINDER)
     */
    @Override public Var remainder(Var a) { return TapeAppends.binary(tape, BinaryRule.REMAINDER, this, a); }
    /** @return |this| */
    @Override public Var abs() { return TapeAppends.unary(tape, UnaryRule.ABS, this); }
    /** @return ⌈this⌉, derivative 0 */
    @Override public Var ceil() { return TapeAppends.unary(tape, UnaryRule.CEIL, this); }
    /** @return ⌊this⌋, derivative 0 */
    @Override public Var floor() { return TapeAppends.unary(tape, UnaryRule.FLOOR, this); }
    /** @return rint(this), derivative 0 */
    @Override public Var rint() { return TapeAppends.unary(tape, UnaryRule.RINT, this); }

    /** @return the nearest long; an escape (marks the recording not replayable) */
    @Override
    public long round() {
        return FastMath.round(TapeGuards.read(tape, this, "round()"));
    }

    /** @return signum(this), derivative 0 */
    @Override public Var signum() { return TapeAppends.unary(tape, UnaryRule.SIGNUM, this); }
    /**
     * @param s sign source
     * @return |this| with the sign of s (BinaryRule.COPY_SIGN)
     */
    @Override public Var copySign(Var s) { return TapeAppends.binary(tape, BinaryRule.COPY_SIGN, this, s); }
    /**
     * @param s constant sign source
     * @return |this| with the sign of s
     */
    @Override public Var copySign(double s) { return TapeAppends.parametric(tape, ParametricRule.COPY_SIGN, this, s); }
    /**
     * @param n power of two
     * @return this · 2ⁿ
     */
    @Override public Var scalb(int n) { return TapeAppends.parametric(tape, ParametricRule.SCALB, this, n); }
    /**
     * @param y the other leg
     * @return √(this² + y²)
     */
    @Override public Var hypot(Var y) { return TapeAppends.binary(tape, BinaryRule.HYPOT, this, y); }

    // ---- powers, roots, exponentials

    /** @return √this */
    @Override public Var sqrt() { return TapeAppends.unary(tape, UnaryRule.SQRT, this); }
    /** @return ∛this */
    @Override public Var cbrt() { return TapeAppends.unary(tape, UnaryRule.CBRT, this); }
    /**
     * @param n root order
     * @return this<sup>1/n</sup> (odd extension below 0, as Decimal64)
     */
    @Override public Var rootN(int n) { return TapeAppends.parametric(tape, ParametricRule.ROOT_N, this, n); }
    /**
     * @param p constant exponent
     * @return this<sup>p</sup>
     */
    @Override public Var pow(double p) { return TapeAppends.parametric(tape, ParametricRule.POW, this, p); }
    /**
     * @param n integer exponent
     * @return thisⁿ
     */
    @Override public Var pow(int n) { return TapeAppends.parametric(tape, ParametricRule.POW_INT, this, n); }
    /**
     * @param e exponent
     * @return this<sup>e</sup> (BinaryRule.POW)
     */
    @Override public Var pow(Var e) { return TapeAppends.binary(tape, BinaryRule.POW, this, e); }
    /** @return e<sup>this</sup> */
    @Override public Var exp() { return TapeAppends.unary(tape, UnaryRule.EXP, this); }
    /** @return e<sup>this</sup> − 1 */
    @Override public Var expm1() { return TapeAppends.unary(tape, UnaryRule.EXPM1, this); }
    /** @return ln this */
    @Override public Var log() { return TapeAppends.unary(tape, UnaryRule.LOG, this); }
    /** @return ln(1 + this) */
    @Override public Var log1p() { return TapeAppends.unary(tape, UnaryRule.LOG1P, this); }

    // ---- trigonometric and hyperbolic

    /** @return cos this */
    @Override public Var cos() { return TapeAppends.unary(tape, UnaryRule.COS, this); }
    /** @return sin this */
    @Override public Var sin() { return TapeAppends.unary(tape, UnaryRule.SIN, this); }
    /** @return tan this */
    @Override public Var tan() { return TapeAppends.unary(tape, UnaryRule.TAN, this); }
    /** @return acos this */
    @Override public Var acos() { return TapeAppends.unary(tape, UnaryRule.ACOS, this); }
    /** @return asin this */
    @Override public Var asin() { return TapeAppends.unary(tape, UnaryRule.ASIN, this); }
    /** @return atan this */
    @Override public Var atan() { return TapeAppends.unary(tape, UnaryRule.ATAN, this); }
    /**
     * @param x abscissa
     * @return atan2(this, x), this being the ordinate
     */
    @Override public Var atan2(Var x) { return TapeAppends.binary(tape, BinaryRule.ATAN2, this, x); }
    /** @return cosh this */
    @Override public Var cosh() { return TapeAppends.unary(tape, UnaryRule.COSH, this); }
    /** @return sinh this */
    @Override public Var sinh() { return TapeAppends.unary(tape, UnaryRule.SINH, this); }
    /** @return tanh this */
    @Override public Var tanh() { return TapeAppends.unary(tape, UnaryRule.TANH, this); }
    /** @return acosh this */
    @Override public Var acosh() { return TapeAppends.unary(tape, UnaryRule.ACOSH, this); }
    /** @return asinh this */
    @Override public Var asinh() { return TapeAppends.unary(tape, UnaryRule.ASINH, this); }
    /** @return atanh this */
    @Override public Var atanh() { return TapeAppends.unary(tape, UnaryRule.ATANH, this); }

    // ---- linear combinations: one tape entry; value = MathArrays.linearCombination of the
    // values (bit-identical to Decimal64); ∂/∂aₖ = bₖ, ∂/∂bₖ = aₖ (BinaryRule.MULTIPLY)

    /**
     * @param a first factors
     * @param b second factors
     * @return Σ aₖ·bₖ
     */
    @Override
    public Var linearCombination(Var[] a, Var[] b) {
        return LinearCombinations.of(tape, a, b, false);
    }

    /**
     * @param a constant factors
     * @param b second factors
     * @return Σ aₖ·bₖ
     */
    @Override
    public Var linearCombination(double[] a, Var[] b) {
        return LinearCombinations.of(tape, a, b, false);
    }

    /** @return a1·b1 + a2·b2 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2) {
        return LinearCombinations.of(tape, new Var[] {a1, a2}, new Var[] {b1, b2}, true);
    }

    /** @return a1·b1 + a2·b2 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2) {
        return LinearCombinations.of(tape, new double[] {a1, a2}, new Var[] {b1, b2}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2, Var a3, Var b3) {
        return LinearCombinations.of(tape, new Var[] {a1, a2, a3}, new Var[] {b1, b2, b3}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2, double a3, Var b3) {
        return LinearCombinations.of(tape, new double[] {a1, a2, a3}, new Var[] {b1, b2, b3}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 + a4·b4 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2, Var a3, Var b3, Var a4, Var b4) {
        return LinearCombinations.of(tape, new Var[] {a1, a2, a3, a4}, new Var[] {b1, b2, b3, b4}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 + a4·b4 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2, double a3, Var b3, double a4, Var b4) {
        return LinearCombinations.of(tape, new double[] {a1, a2, a3, a4}, new Var[] {b1, b2, b3, b4}, true);
    }

    /** @return "v<i>index</i> = <i>value</i>" (reading the value here is not an escape) */
    @Override
    public String toString() {
        return "v" + index + " = " + TapeGuards.peek(tape, this);
    }
}
