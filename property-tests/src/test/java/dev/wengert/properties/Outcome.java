package dev.wengert.properties;

import java.util.concurrent.Callable;

/**
 * What one mode did with a function: its result, or the exception it threw.
 *
 * @param <R> the result type
 */
final class Outcome<R> {

    final String name;
    final R result;
    final Throwable error;

    private Outcome(String name, R result, Throwable error) {
        this.name = name;
        this.result = result;
        this.error = error;
    }

    /**
     * @param name the mode's name, for messages
     * @param run what the mode computes
     * @param <R> the result type
     * @return its result or its exception (an {@link AssertionError} from a check inside is rethrown)
     */
    static <R> Outcome<R> of(String name, Callable<R> run) {
        try {
            return new Outcome<>(name, run.call(), null);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            return new Outcome<>(name, null, e);
        }
    }

    /**
     * Every mode throws exactly when double evaluation throws, and the same kind of exception.
     *
     * @param plain the double evaluation's outcome
     */
    void assertThrowsLike(Outcome<?> plain) {
        if (plain.error == null && error != null) {
            AssertionError e = new AssertionError(name + " throws " + error + " but double evaluation does not");
            e.initCause(error);
            throw e;
        }
        if (plain.error != null && error == null) {
            throw new AssertionError("double evaluation throws " + plain.error + " but " + name + " does not");
        }
        if (plain.error != null && plain.error.getClass() != error.getClass()) {
            throw new AssertionError("double evaluation throws " + plain.error + " but " + name + " throws " + error);
        }
    }
}
