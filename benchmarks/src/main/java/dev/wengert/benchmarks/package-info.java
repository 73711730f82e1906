/**
 * JMH benchmarks: derivative time over plain {@code double} time, and Wengert over commons-math3.
 *
 * <ul>
 *   <li>{@link dev.wengert.benchmarks.Problems}: the benchmark functions, generic and plain;</li>
 *   <li>{@link dev.wengert.benchmarks.Peers}: commons-math3 gradients and Jacobians
 *       ({@code DerivativeStructure}, {@code SparseGradient});</li>
 *   <li>{@code *Benchmark}: JMH classes whose methods are named {@code <family>_<variant>},
 *       {@code plain} being the baseline;</li>
 *   <li>{@link dev.wengert.benchmarks.Suite} runs them (JMH {@code Runner} API) and
 *       {@link dev.wengert.benchmarks.RatioTable} turns the results into the ratio table of
 *       {@code benchmarks/README.md}.</li>
 * </ul>
 */
package dev.wengert.benchmarks;
