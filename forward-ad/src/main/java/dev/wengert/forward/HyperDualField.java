package dev.wengert.forward;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/** The field of {@link HyperDual} numbers: zero is 0, one is 1 (all ε parts 0). Stateless, one instance. */
final class HyperDualField implements Field<HyperDual> {

    static final HyperDualField INSTANCE = new HyperDualField();

    private static final HyperDual ZERO = HyperDual.constant(0);
    private static final HyperDual ONE = HyperDual.constant(1);

    private HyperDualField() {
    }

    @Override
    public HyperDual getZero() {
        return ZERO;
    }

    @Override
    public HyperDual getOne() {
        return ONE;
    }

    @Override
    public Class<? extends FieldElement<HyperDual>> getRuntimeClass() {
        return HyperDual.class;
    }

    @Override
    public String toString() {
        return "HyperDualField";
    }
}
