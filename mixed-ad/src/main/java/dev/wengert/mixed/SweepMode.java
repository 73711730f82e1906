package dev.wengert.mixed;

/** How a segment's derivatives are propagated in a plan. */
public enum SweepMode {
    /** Tangent sweeps: one per column pushed through (forward mode on the segment). */
    TANGENT,
    /** Adjoint sweeps: one per row pulled back (reverse mode on the segment). */
    ADJOINT
}
