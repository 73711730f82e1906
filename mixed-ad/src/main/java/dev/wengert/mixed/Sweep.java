package dev.wengert.mixed;

/**
 * Tangent and adjoint sweeps over one range of the tape, from its live-in values (fan-in) to its
 * live-out values (fan-out), on w directions at once, stored direction-minor: row r of a seed or
 * result matrix is {@code [r·w, r·w + w)}. Two forms: a compiled {@link SegmentProgram} (values in
 * reused slots, for many directions) and a {@link DirectSweep} (no compilation, for a few). For a
 * given range and direction both do the same arithmetic in the same order, so which one runs never
 * changes a result's bits.
 */
interface Sweep {

    /** @return n<sub>s</sub>, the number of live-in values */
    int fanIn();

    /** @return m<sub>s</sub>, the number of live-out values */
    int fanOut();

    /** @return the scratch one direction needs, in doubles (bounds the block width) */
    long slots();

    /**
     * @param seeds n<sub>s</sub> × w
     * @param w the number of directions
     * @return m<sub>s</sub> × w, F′·S
     */
    double[] tangent(double[] seeds, int w);

    /**
     * @param seeds m<sub>s</sub> × w (the transpose of W)
     * @param w the number of directions
     * @return n<sub>s</sub> × w, the transpose of W·F′
     */
    double[] adjoint(double[] seeds, int w);
}
