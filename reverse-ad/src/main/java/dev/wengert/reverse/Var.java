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
        return tape.read(this, "getReal()");
    }

    /** @return the field of this tape's Vars (constants zero and one on the same tape) */
    @Override
    public Field<Var> getField() {
        tape.checkThread();
        return tape.field();
    }

    @Override
    public Var apply(UnaryRule rule) {
        return tape.unary(rule, this);
    }

    @Override
    public Var apply(BinaryRule rule, Var other) {
        return tape.binary(rule, this, other);
    }

    // ---- arithmetic: BinaryRule ADD, SUBTRACT, MULTIPLY, DIVIDE; UnaryRule NEGATE, RECIPROCAL

    /**
     * @param a addend
     * @return this + a
     */
    @Override public Var add(Var a) { return tape.binary(BinaryRule.ADD, this, a); }
    /**
     * @param a constant addend
     * @return this + a
     */
    @Override public Var add(double a) { return tape.binaryConstant(BinaryRule.ADD, this, a); }
    /**
     * @param a subtrahend
     * @return this − a
     */
    @Override public Var subtract(Var a) { return tape.binary(BinaryRule.SUBTRACT, this, a); }
    /**
     * @param a constant subtrahend
     * @return this − a
     */
    @Override public Var subtract(double a) { return tape.binaryConstant(BinaryRule.SUBTRACT, this, a); }
    /** @return −this */
    @Override public Var negate() { return tape.unary(UnaryRule.NEGATE, this); }
    /**
     * @param n integer factor
     * @return this · n
     */
    @Override public Var multiply(int n) { return tape.binaryConstant(BinaryRule.MULTIPLY, this, n); }
    /**
     * @param a factor
     * @return this · a
     */
    @Override public Var multiply(Var a) { return tape.binary(BinaryRule.MULTIPLY, this, a); }
    /**
     * @param a constant factor
     * @return this · a
     */
    @Override public Var multiply(double a) { return tape.binaryConstant(BinaryRule.MULTIPLY, this, a); }
    /**
     * @param a divisor
     * @return this / a
     */
    @Override public Var divide(Var a) { return tape.binary(BinaryRule.DIVIDE, this, a); }
    /**
     * @param a constant divisor
     * @return this / a
     */
    @Override public Var divide(double a) { return tape.binaryConstant(BinaryRule.DIVIDE, this, a); }
    /** @return 1 / this */
    @Override public Var reciprocal() { return tape.unary(UnaryRule.RECIPROCAL, this); }

    // ---- rounding and signs

    /**
     * @param a constant divisor
     * @return IEEEremainder(this, a) (ParametricRule.REMAINDER)
     */
    @Override public Var remainder(double a) { return tape.parametric(ParametricRule.REMAINDER, this, a); }
    /**
     * @param a divisor
     * @return IEEEremainder(this, a) (BinaryRule.REMAINDER)
     */
    @Override public Var remainder(Var a) { return tape.binary(BinaryRule.REMAINDER, this, a); }
    /** @return |this| */
    @Override public Var abs() { return tape.unary(UnaryRule.ABS, this); }
    /** @return ⌈this⌉, derivative 0 */
    @Override public Var ceil() { return tape.unary(UnaryRule.CEIL, this); }
    /** @return ⌊this⌋, derivative 0 */
    @Override public Var floor() { return tape.unary(UnaryRule.FLOOR, this); }
    /** @return rint(this), derivative 0 */
    @Override public Var rint() { return tape.unary(UnaryRule.RINT, this); }

    /** @return the nearest long; an escape (marks the recording not replayable) */
    @Override
    public long round() {
        return FastMath.round(tape.read(this, "round()"));
    }

    /** @return signum(this), derivative 0 */
    @Override public Var signum() { return tape.unary(UnaryRule.SIGNUM, this); }
    /**
     * @param s sign source
     * @return |this| with the sign of s (BinaryRule.COPY_SIGN)
     */
    @Override public Var copySign(Var s) { return tape.binary(BinaryRule.COPY_SIGN, this, s); }
    /**
     * @param s constant sign source
     * @return |this| with the sign of s
     */
    @Override public Var copySign(double s) { return tape.parametric(ParametricRule.COPY_SIGN, this, s); }
    /**
     * @param n power of two
     * @return this · 2ⁿ
     */
    @Override public Var scalb(int n) { return tape.parametric(ParametricRule.SCALB, this, n); }
    /**
     * @param y the other leg
     * @return √(this² + y²)
     */
    @Override public Var hypot(Var y) { return tape.binary(BinaryRule.HYPOT, this, y); }

    // ---- powers, roots, exponentials

    /** @return √this */
    @Override public Var sqrt() { return tape.unary(UnaryRule.SQRT, this); }
    /** @return ∛this */
    @Override public Var cbrt() { return tape.unary(UnaryRule.CBRT, this); }
    /**
     * @param n root order
     * @return this<sup>1/n</sup> (odd extension below 0, as Decimal64)
     */
    @Override public Var rootN(int n) { return tape.parametric(ParametricRule.ROOT_N, this, n); }
    /**
     * @param p constant exponent
     * @return this<sup>p</sup>
     */
    @Override public Var pow(double p) { return tape.parametric(ParametricRule.POW, this, p); }
    /**
     * @param n integer exponent
     * @return thisⁿ
     */
    @Override public Var pow(int n) { return tape.parametric(ParametricRule.POW_INT, this, n); }
    /**
     * @param e exponent
     * @return this<sup>e</sup> (BinaryRule.POW)
     */
    @Override public Var pow(Var e) { return tape.binary(BinaryRule.POW, this, e); }
    /** @return e<sup>this</sup> */
    @Override public Var exp() { return tape.unary(UnaryRule.EXP, this); }
    /** @return e<sup>this</sup> − 1 */
    @Override public Var expm1() { return tape.unary(UnaryRule.EXPM1, this); }
    /** @return ln this */
    @Override public Var log() { return tape.unary(UnaryRule.LOG, this); }
    /** @return ln(1 + this) */
    @Override public Var log1p() { return tape.unary(UnaryRule.LOG1P, this); }

    // ---- trigonometric and hyperbolic

    /** @return cos this */
    @Override public Var cos() { return tape.unary(UnaryRule.COS, this); }
    /** @return sin this */
    @Override public Var sin() { return tape.unary(UnaryRule.SIN, this); }
    /** @return tan this */
    @Override public Var tan() { return tape.unary(UnaryRule.TAN, this); }
    /** @return acos this */
    @Override public Var acos() { return tape.unary(UnaryRule.ACOS, this); }
    /** @return asin this */
    @Override public Var asin() { return tape.unary(UnaryRule.ASIN, this); }
    /** @return atan this */
    @Override public Var atan() { return tape.unary(UnaryRule.ATAN, this); }
    /**
     * @param x abscissa
     * @return atan2(this, x), this being the ordinate
     */
    @Override public Var atan2(Var x) { return tape.binary(BinaryRule.ATAN2, this, x); }
    /** @return cosh this */
    @Override public Var cosh() { return tape.unary(UnaryRule.COSH, this); }
    /** @return sinh this */
    @Override public Var sinh() { return tape.unary(UnaryRule.SINH, this); }
    /** @return tanh this */
    @Override public Var tanh() { return tape.unary(UnaryRule.TANH, this); }
    /** @return acosh this */
    @Override public Var acosh() { return tape.unary(UnaryRule.ACOSH, this); }
    /** @return asinh this */
    @Override public Var asinh() { return tape.unary(UnaryRule.ASINH, this); }
    /** @return atanh this */
    @Override public Var atanh() { return tape.unary(UnaryRule.ATANH, this); }

    // ---- linear combinations: one tape entry; value = MathArrays.linearCombination of the
    // values (bit-identical to Decimal64); ∂/∂aₖ = bₖ, ∂/∂bₖ = aₖ (BinaryRule.MULTIPLY)

    /**
     * @param a first factors
     * @param b second factors
     * @return Σ aₖ·bₖ
     */
    @Override
    public Var linearCombination(Var[] a, Var[] b) {
        return tape.linearCombination(a, b, false);
    }

    /**
     * @param a constant factors
     * @param b second factors
     * @return Σ aₖ·bₖ
     */
    @Override
    public Var linearCombination(double[] a, Var[] b) {
        return tape.linearCombination(a, b, false);
    }

    /** @return a1·b1 + a2·b2 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2) {
        return tape.linearCombination(new Var[] {a1, a2}, new Var[] {b1, b2}, true);
    }

    /** @return a1·b1 + a2·b2 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2) {
        return tape.linearCombination(new double[] {a1, a2}, new Var[] {b1, b2}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2, Var a3, Var b3) {
        return tape.linearCombination(new Var[] {a1, a2, a3}, new Var[] {b1, b2, b3}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2, double a3, Var b3) {
        return tape.linearCombination(new double[] {a1, a2, a3}, new Var[] {b1, b2, b3}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 + a4·b4 */
    @Override
    public Var linearCombination(Var a1, Var b1, Var a2, Var b2, Var a3, Var b3, Var a4, Var b4) {
        return tape.linearCombination(new Var[] {a1, a2, a3, a4}, new Var[] {b1, b2, b3, b4}, true);
    }

    /** @return a1·b1 + a2·b2 + a3·b3 + a4·b4 */
    @Override
    public Var linearCombination(double a1, Var b1, double a2, Var b2, double a3, Var b3, double a4, Var b4) {
        return tape.linearCombination(new double[] {a1, a2, a3, a4}, new Var[] {b1, b2, b3, b4}, true);
    }

    /** @return "v<i>index</i> = <i>value</i>" (reading the value here is not an escape) */
    @Override
    public String toString() {
        return "v" + index + " = " + tape.peek(this);
    }
}
