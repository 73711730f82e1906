package dev.wengert.mixed;

/**
 * One segment of a {@link JacobianPlan}: the tape entries [first, last] (empty when
 * last = first − 1), mapping its fan-in live values to its fan-out live values.
 *
 * @param index the segment's position in the chain, from 0
 * @param first the first tape entry
 * @param last the last tape entry
 * @param ops the number of operations (last − first + 1)
 * @param edges τ = α, the multiply-adds of one sweep over it
 * @param fanIn n<sub>s</sub>, the live values at its start
 * @param fanOut m<sub>s</sub>, the live values at its end
 * @param mode how the plan propagates derivatives through it
 */
public record Segment(int index, int first, int last, int ops, long edges, int fanIn, int fanOut, SweepMode mode) {
}
