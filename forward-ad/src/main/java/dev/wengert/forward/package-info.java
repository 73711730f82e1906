/**
 * Wengert forward mode (docs/modes.md in the repository): numbers that carry tangents beside their values.
 * <ul>
 *   <li>{@link dev.wengert.forward.Dual} — a + bε, one tangent (directional derivatives, jvp);</li>
 *   <li>{@link dev.wengert.forward.DualVector} — a + b·ε with k tangents (gradients and Jacobians in
 *       ⌈n/k⌉ passes);</li>
 *   <li>{@link dev.wengert.forward.HyperDual} — f0 + f1ε1 + f2ε2 + f12ε1ε2 (exact second
 *       derivatives, Hessians in n(n+1)/2 passes);</li>
 *   <li>{@link dev.wengert.forward.ForwardMode} — the {@link dev.wengert.core.Differentiator}
 *       "forward" built on them.</li>
 * </ul>
 * All three implement commons-math3's {@code RealFieldElement}, take every derivative from
 * ad-core's rule table and give values bit-identical to {@code Decimal64}.
 */
package dev.wengert.forward;
