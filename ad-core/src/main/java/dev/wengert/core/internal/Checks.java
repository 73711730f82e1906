package dev.wengert.core.internal;

/**
 * Argument checks shared by every mode, with uniform messages that name what was expected and
 * what came (Guava's {@code MathPreconditions} style). Every failure is an
 * {@link IllegalArgumentException}.
 *
 * <p>Internal: this package is exported only to Wengert's own modules (a qualified export in
 * {@code module-info}), so user code cannot come to depend on it.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * @param name the argument's name, for the message
     * @param value the argument
     * @param <T> its type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Checks a point: not {@code null}, at least one coordinate.
     *
     * @param x the point
     * @return its length n
     * @throws IllegalArgumentException if {@code x} is {@code null} or empty
     */
    public static int point(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("point x must not be null; expected an array of n >= 1 inputs");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("point x must have at least one input, but it is empty");
        }
        return x.length;
    }

    /**
     * Checks the length of an array argument.
     *
     * @param name the argument's name and meaning, e.g. {@code "direction v (one per input)"}
     * @param array the argument
     * @param expected its expected length
     * @throws IllegalArgumentException if {@code array} is {@code null} or has another length
     */
    public static void length(String name, double[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null; expected length " + expected);
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + " must have length " + expected + ", but has length " + array.length);
        }
    }

    /**
     * Checks what a user function returned.
     *
     * @param result the returned array
     * @param expected the expected number of outputs, or -1 when any m ≥ 1 is acceptable
     * @return the number of outputs m
     * @throws IllegalArgumentException if {@code result} is {@code null}, empty, holds a {@code null}
     *         element, or has an unexpected length
     */
    public static int outputs(Object[] result, int expected) {
        if (result == null) {
            throw new IllegalArgumentException("the function returned null; expected an array of outputs");
        }
        if (result.length == 0) {
            throw new IllegalArgumentException("the function returned no outputs; expected at least one");
        }
        if (expected >= 0 && result.length != expected) {
            throw new IllegalArgumentException("the function returned " + result.length
                    + " outputs, but returned " + expected + " at the first evaluation");
        }
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null) {
                throw new IllegalArgumentException("the function returned null as output " + i);
            }
        }
        return result.length;
    }

    /**
     * Checks what a scalar user function returned.
     *
     * @param result the returned value
     * @param <T> its type
     * @return {@code result}
     * @throws IllegalArgumentException if {@code result} is {@code null}
     */
    public static <T> T output(T result) {
        if (result == null) {
            throw new IllegalArgumentException("the function returned null; expected a value");
        }
        return result;
    }

    /**
     * Checks that a matrix is rectangular with the given shape.
     *
     * @param name the argument's name
     * @param matrix the matrix
     * @param rows the expected number of rows
     * @param columns the expected number of columns
     */
    public static void shape(String name, double[][] matrix, int rows, int columns) {
        if (matrix == null || matrix.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows, but has "
                    + (matrix == null ? "none (null)" : String.valueOf(matrix.length)));
        }
        for (int i = 0; i < rows; i++) {
            length(name + " row " + i, matrix[i], columns);
        }
    }

}
