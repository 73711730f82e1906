/**
 * Wengert reverse mode: a function written once against {@code RealFieldElement} runs on
 * {@link dev.wengert.reverse.Var}s, which record every elementary operation on a
 * {@link dev.wengert.reverse.Tape} (primitive arrays, evaluation order); sweeps over the
 * resulting {@link dev.wengert.reverse.Recording} give gradients, vector-Jacobian and
 * Jacobian-vector products, Jacobians and Hessians, and the recording can be replayed at new
 * points without running the function again.
 *
 * <pre>{@code
 * ReverseMode reverse = new ReverseMode();
 * ScalarFunction f = Examples::rosenbrock;
 * double[] g = reverse.gradient(f, x);            // one recording, one adjoint sweep
 * Recording rec = reverse.record(f, x);           // keep it
 * for (double[] p : points) {
 *     double[] gp = rec.gradient(p);              // replay + sweep, f is not run again
 * }
 * }</pre>
 *
 * <p>A replayable recording evaluated very many times can be compiled to JVM bytecode
 * ({@link dev.wengert.reverse.Recording#compile()} → {@link dev.wengert.reverse.CompiledRecording}),
 * bit-identical to replay and thread-safe.
 *
 * <p>{@link dev.wengert.reverse.TapeView} is the read-only view of a tape that mixed mode and the
 * {@code trace} command use.
 */
package dev.wengert.reverse;
