package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.RuleNumber;
import dev.wengert.core.UnaryRule;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.util.FastMath;

/**
 * A value recorded on a {@link Tape}: a handle (tape, index) that also carries its value. Every
 * operation appends one entry to
 * the tape (every elementary method is {@link RuleNumber}'s, naming its rule) — its value, computed exactly as commons-math3's {@code Decimal64} computes it, and its
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
public final class Var extends RuleNumber<Var> {

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

    /**
     * Appends f = rule(this) with partial {@code rule.first} (a constant if this is one).
     *
     * @param rule a unary rule
     * @return the new entry
     */
    @Override
    public Var apply(UnaryRule rule) {
        return TapeAppends.unary(tape, rule, this);
    }

    /**
     * Appends f = rule(this, other) with partials {@code rule.dx}, {@code rule.dy}.
     *
     * @param rule a binary rule
     * @param other its second argument, a Var of the same tape
     * @return the new entry
     */
    @Override
    public Var apply(BinaryRule rule, Var other) {
        return TapeAppends.binary(tape, rule, this, other);
    }

    /** Appends f = rule(this, c), partial {@code rule.dx}; c is kept as the entry's parameter. */
    @Override
    protected Var apply(BinaryRule rule, double c) {
        return TapeAppends.binaryConstant(tape, rule, this, c);
    }

    /** Appends f = rule(this; p), partial {@code rule.first}; p is kept as the entry's parameter. */
    @Override
    protected Var apply(ParametricRule rule, double p) {
        return TapeAppends.parametric(tape, rule, this, p);
    }

    /** @return the nearest long; an escape (marks the recording not replayable) */
    @Override
    public long round() {
        return FastMath.round(TapeGuards.read(tape, this, "round()"));
    }

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
