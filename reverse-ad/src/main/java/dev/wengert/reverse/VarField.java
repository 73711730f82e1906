package dev.wengert.reverse;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/**
 * The field of the {@link Var}s of one tape, as commons-math3's field-generic code
 * ({@code MathArrays.buildArray}, field ODE integrators) needs it: {@link #getZero()} and
 * {@link #getOne()} are constants on that tape, created once per tape and shared.
 */
public final class VarField implements Field<Var> {

    private final Tape tape;
    private Var zero;
    private Var one;

    VarField(Tape tape) {
        this.tape = tape;
    }

    /** @return the constant 0 on this field's tape */
    @Override
    public Var getZero() {
        if (zero == null) {
            zero = tape.constant(0);
        }
        return zero;
    }

    /** @return the constant 1 on this field's tape */
    @Override
    public Var getOne() {
        if (one == null) {
            one = tape.constant(1);
        }
        return one;
    }

    /** @return {@code Var.class} */
    @Override
    public Class<? extends FieldElement<Var>> getRuntimeClass() {
        return Var.class;
    }
}
