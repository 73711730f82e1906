package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/** A number of one computation handed to another mode is refused with a message, not a ClassCastException. */
class ForeignNumbersTest {

    /** Keeps its first argument: after a reverse-mode call, a Var of a closed recording. */
    static final class Keeper implements ScalarFunction {
        Object kept;

        @Override
        public <T extends RealFieldElement<T>> T value(T[] x) {
            kept = x[0];
            return x[0].multiply(x[0]);
        }
    }

    @Test
    void aVarOfAClosedRecordingHandedToForwardModeIsNamed() {
        Keeper keeper = new Keeper();
        new ReverseMode().record(keeper, new double[] {2});
        Object var = keeper.kept;
        ScalarFunction returnsIt = new ScalarFunction() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return (T) var;
            }
        };
        ScalarFunction addsIt = new ScalarFunction() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].add((T) var);
            }
        };
        ForwardMode forward = new ForwardMode();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forward.gradient(returnsIt, new double[] {1}));
        assertTrue(e.getMessage().contains("is a dev.wengert.reverse.Var, but forward mode ran f on DualVectors"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> forward.gradient(addsIt, new double[] {1}));
        assertTrue(e.getMessage().contains("with a number of another kind"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> forward.directionalDerivative(addsIt, new double[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("forward mode's Duals with a number of another kind"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> forward.hessian(returnsIt, new double[] {1}));
        assertTrue(e.getMessage().contains("ran f on HyperDuals"), e.getMessage());
    }
}
