package dev.wengert.core;

/**
 * How every mode applies the rule tables ({@link UnaryRule}, {@link ParametricRule},
 * {@link BinaryRule}), and the <b>conventions table</b>: what each mode returns where a function
 * is not differentiable. Every Wengert mode returns exactly these values; they match
 * commons-math3's {@code DerivativeStructure} wherever it defines a non-NaN value, and the rows
 * marked ≠ say where and why Wengert differs.
 *
 * <table>
 * <caption>Conventions at singular points (f′ is the first derivative, f″ the second)</caption>
 * <tr><th>function</th><th>point</th><th>value</th><th>derivatives</th><th>vs DerivativeStructure</th></tr>
 * <tr><td>abs(x)</td><td>x = +0 / −0</td><td>+0</td><td>f′ = +1 / −1 (sign bit), f″ = 0</td><td>same</td></tr>
 * <tr><td>sqrt(x)</td><td>x = 0</td><td>0</td><td>f′ = +∞, f″ = −∞</td><td>same</td></tr>
 * <tr><td>sqrt(x)</td><td>x &lt; 0</td><td>NaN</td><td>NaN</td><td>same</td></tr>
 * <tr><td>cbrt(x)</td><td>x = 0</td><td>0</td><td>f′ = +∞, f″ = −∞</td><td>same</td></tr>
 * <tr><td>rootN(x, n)</td><td>x = 0</td><td>0</td><td>f′ = +∞, f″ = −∞</td><td>same</td></tr>
 * <tr><td>rootN(x, n)</td><td>x &lt; 0</td><td>−(−x)<sup>1/n</sup> (Decimal64)</td><td>f′ = 1/(n|f|<sup>n−1</sup>)</td><td>≠ DS gives NaN: Wengert's value is Decimal64's, so it differentiates that</td></tr>
 * <tr><td>pow(x, p), p constant</td><td>p = 0, any x</td><td>1</td><td>f′ = f″ = 0</td><td>≠ DS gives NaN at x = 0: x⁰ ≡ 1 is constant</td></tr>
 * <tr><td>pow(x, p), p constant</td><td>p = 1, any x</td><td>x</td><td>f′ = 1, f″ = 0</td><td>≠ DS gives f″ = NaN at x = 0: x¹ ≡ x is linear</td></tr>
 * <tr><td>pow(x, p), p constant</td><td>x = 0, p &gt; 0</td><td>0</td><td>f′ = p·0<sup>p−1</sup> (0, 1 or +∞)</td><td>same</td></tr>
 * <tr><td>pow(x, y)</td><td>0⁰</td><td>1</td><td>∂x = 0, ∂y = −∞</td><td>same as DS pow(0.0, y); DS pow(x, y) gives NaN (it computes exp(y·ln x))</td></tr>
 * <tr><td>pow(x, y)</td><td>x = 0, y &gt; 0</td><td>0</td><td>∂x = y·0<sup>y−1</sup>, ∂y = 0</td><td>same as DS pow(0.0, y)</td></tr>
 * <tr><td>pow(x, y)</td><td>x = 0, y &lt; 0</td><td>+∞</td><td>∂x = y·0<sup>y−1</sup>, ∂y = −∞ (limit x → 0⁺)</td><td>≠ DS gives NaN for value and derivatives</td></tr>
 * <tr><td>pow(x, y)</td><td>x &lt; 0, integer y</td><td>xʸ</td><td>∂x = y·x<sup>y−1</sup>, ∂y = NaN</td><td>DS gives NaN throughout</td></tr>
 * <tr><td>log(x), log1p(x)</td><td>x = 0 (x = −1)</td><td>−∞</td><td>f′ = +∞, f″ = −∞</td><td>same</td></tr>
 * <tr><td>log(x), log1p(x), acosh(x), atanh(x)</td><td>outside the domain: x &lt; 0, x &lt; −1, x &lt; 1, |x| &gt; 1</td><td>NaN</td><td>NaN</td><td>≠ DS gives the formulas' finite values (log at −1: f′ = −1): no value, no derivative</td></tr>
 * <tr><td>atan2(y, x)</td><td>origin</td><td>FastMath.atan2 (±0, ±π)</td><td>NaN</td><td>same</td></tr>
 * <tr><td>hypot(x, y)</td><td>origin</td><td>0</td><td>NaN</td><td>same</td></tr>
 * <tr><td>hypot(x, y)</td><td>an infinite argument</td><td>+∞</td><td>0</td><td>same</td></tr>
 * <tr><td>max(x, y), min(x, y)</td><td>x = y</td><td>x</td><td>½ each</td><td>no DS counterpart; the average of the one-sided derivatives (as JAX)</td></tr>
 * <tr><td>relu(x)</td><td>x = 0</td><td>0</td><td>f′ = 0, f″ = 0</td><td>no DS counterpart; the convention of TensorFlow, PyTorch, JAX</td></tr>
 * <tr><td>remainder(x, y)</td><td>everywhere</td><td>IEEEremainder</td><td>∂x = 1, ∂y = −rint((x − f)/y)</td><td>same</td></tr>
 * <tr><td>rint, floor, ceil, signum</td><td>everywhere (jumps included)</td><td>FastMath</td><td>0</td><td>same</td></tr>
 * <tr><td>round(x)</td><td>everywhere</td><td>a {@code long}</td><td>none (not a number of the field)</td><td>same</td></tr>
 * <tr><td>copySign(x, s)</td><td>everywhere</td><td>FastMath.copySign</td><td>∂x = ±1 (sign bits), ∂s = 0</td><td>same</td></tr>
 * <tr><td>reciprocal, x/y</td><td>x = 0 / y = 0</td><td>±∞ or NaN</td><td>the formulas' ±∞ or NaN</td><td>same</td></tr>
 * </table>
 *
 * <p><b>A zero derivative never multiplies a partial</b>: in every mode, a tangent or adjoint
 * that is exactly zero contributes exactly zero, even where the local partial is infinite or NaN
 * ({@link #chain}). So {@code x.pow(c)} with a constant c = 2 at x = −1 has derivative −2, not the
 * NaN that ∂y = xʸ·ln x times a zero tangent would give. {@code DerivativeStructure} does not do
 * this (it gives NaN there); this is a deliberate difference.
 *
 * <p><b>A zero partial never multiplies a derivative</b> either ({@link #chain} is 0 when either
 * factor is): {@code sqrt(x*x)} at 0 has derivative 0 in every mode — forward mode multiplies the
 * zero tangent of x·x by sqrt′(0) = ∞, reverse mode multiplies the infinite adjoint of x·x by its zero
 * partial 2x, and both give 0. What no mode can see cheaply is a zero made by a <em>sum</em>:
 * {@code hypot(x − x, y − y) + x} at (1, 2) is x, with gradient [1, 0] by forward mode (the tangent of
 * x − x is 1 − 1 = 0, so hypot's NaN partial is skipped), but reverse mode's adjoint of x − x is NaN
 * and x's is NaN·1 + NaN·(−1) = NaN; {@code sqrt(x) − sqrt(x)} at 0 is the mirror case (reverse 0,
 * forward ∞ − ∞ = NaN). Mixed mode takes forward mode's order wherever a partial is ±∞ or NaN, so
 * its dense and sparse Jacobians agree. See docs/singular-points.md.
 *
 * <p><b>NaN and ±∞</b> otherwise propagate as in {@code double} arithmetic.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * One term of the chain rule: {@code partial · derivative}, but exactly 0 when either factor
     * is 0, so a zero tangent or adjoint never turns an infinite or NaN partial into NaN, and a zero
     * partial never turns an infinite or NaN tangent or adjoint into NaN. With both rules a product
     * of local partials along a path is 0 as soon as one factor is, in whatever order a mode
     * multiplies it (tangent sweeps left to right, adjoint sweeps right to left, mixed mode's
     * segment products in between).
     *
     * @param partial the local partial ∂f/∂u
     * @param derivative the tangent u̇ or adjoint f̄
     * @return their product, or 0 when {@code derivative == 0} or {@code partial == 0}
     */
    public static double chain(double partial, double derivative) {
        return derivative == 0 || partial == 0 ? 0 : partial * derivative;
    }

    /**
     * @param a a number
     * @param b another
     * @return whether their sign bits agree (so −0.0 counts as negative, as in
     *         {@code FastMath.copySign})
     */
    static boolean sameSignBit(double a, double b) {
        return (Double.doubleToRawLongBits(a) < 0) == (Double.doubleToRawLongBits(b) < 0);
    }
}
