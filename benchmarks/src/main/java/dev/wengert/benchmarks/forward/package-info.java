/**
 * JMH benchmarks of forward mode: {@code Dual} directional derivative against plain
 * {@code double}, {@code DualVector} gradients against {@code DerivativeStructure} order 1 (and the
 * chunk-size sweep behind {@code ForwardMode.DEFAULT_CHUNK_SIZE}), {@code HyperDual} Hessians
 * against {@code DerivativeStructure} order 2.
 */
package dev.wengert.benchmarks.forward;
