package dev.wengert.forward;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/** The field of {@link Dual} numbers: zero is 0 + 0ε, one is 1 + 0ε. Stateless, one instance. */
final class DualField implements Field<Dual> {

    static final DualField INSTANCE = new DualField();

    private static final Dual ZERO = Dual.constant(0);
    private static final Dual ONE = Dual.constant(1);

    private DualField() {
    }

    @Override
    public Dual getZero() {
        return ZERO;
    }

    @Override
    public Dual getOne() {
        return ONE;
    }

    @Override
    public Class<? extends FieldElement<Dual>> getRuntimeClass() {
        return Dual.class;
    }

    @Override
    public String toString() {
        return "DualField";
    }
}
