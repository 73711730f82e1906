/**
 * The sweep kernels of the Wengert list — tangent, adjoint, second-order adjoint and replay — each
 * one loop, in a scalar and a block (w directions) form, over the tape's own arrays
 * ({@link dev.wengert.reverse.kernel.Entries}) through a {@link dev.wengert.reverse.kernel.SlotMap}.
 * Reverse mode, recordings, mixed mode's plans, prepared plans and sparse Jacobians all call them.
 * Exported only to {@code dev.wengert.mixed}.
 */
package dev.wengert.reverse.kernel;
