package dev.wengert.forward;

/** Shared checks of the linear combinations of the three number types. */
final class Linear {

    private Linear() {
    }

    /**
     * @param a the coefficients
     * @param b the numbers
     * @return their common length
     * @throws IllegalArgumentException if either is null or their lengths differ
     */
    static int sameLength(Object a, Object[] b) {
        int n = length(a);
        if (b == null) {
            throw new IllegalArgumentException("linearCombination: b must not be null; expected length " + n);
        }
        if (b.length != n) {
            throw new IllegalArgumentException("linearCombination: b must have length " + n
                    + " (the length of a), but has length " + b.length);
        }
        return n;
    }

    private static int length(Object a) {
        if (a instanceof Object[]) {
            return ((Object[]) a).length;
        }
        if (a instanceof double[]) {
            return ((double[]) a).length;
        }
        throw new IllegalArgumentException("linearCombination: a must not be null");
    }
}
