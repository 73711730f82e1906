/**
 * JMH benchmarks of forward mode on the shared problems of {@code dev.wengert.benchmarks.Problems},
 * named by the ratio-table convention of {@code benchmarks/README.md} (family {@code rosenbrock},
 * baseline {@code RosenbrockBenchmark.rosenbrock_plain}): the {@code Dual} directional derivative
 * (the API call, the evaluation alone, the inputs alone; {@code DualDirectionalCpuTime} times the
 * same by thread CPU time), {@code DualVector} gradients swept over the chunk size
 * (peer: {@code rosenbrock_derivativeStructure}), {@code HyperDual} Hessians against
 * {@code DerivativeStructure} order 2. Run them with their baseline and peer:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.Suite --include 'forward\.'
 * --include 'RosenbrockBenchmark.rosenbrock_(plain|derivativeStructure)$' --no-readme}.
 */
package dev.wengert.benchmarks.forward;
