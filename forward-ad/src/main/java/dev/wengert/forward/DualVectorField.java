package dev.wengert.forward;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/**
 * The field of {@link DualVector} numbers with k tangents: zero is 0 + 0·ε, one is 1 + 0·ε. Two
 * fields are equal when their k is. Immutable.
 */
final class DualVectorField implements Field<DualVector> {

    private static final int CACHED = 64;
    private static final DualVectorField[] FIELDS = new DualVectorField[CACHED + 1];

    static {
        for (int k = 1; k <= CACHED; k++) {
            FIELDS[k] = new DualVectorField(k);
        }
    }

    private final int k;
    private final DualVector zero;
    private final DualVector one;

    private DualVectorField(int k) {
        this.k = k;
        this.zero = DualVector.constantUnchecked(0, k);
        this.one = DualVector.constantUnchecked(1, k);
    }

    /**
     * @param k the number of tangents, ≥ 1
     * @return the field of vector duals with k tangents
     */
    static DualVectorField of(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of tangents k must be >= 1, but is " + k);
        }
        return k <= CACHED ? FIELDS[k] : new DualVectorField(k);
    }

    /** @return the number of tangents */
    int tangentCount() {
        return k;
    }

    @Override
    public DualVector getZero() {
        return zero;
    }

    @Override
    public DualVector getOne() {
        return one;
    }

    @Override
    public Class<? extends FieldElement<DualVector>> getRuntimeClass() {
        return DualVector.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DualVectorField && ((DualVectorField) o).k == k;
    }

    @Override
    public int hashCode() {
        return DualVectorField.class.hashCode() * 31 + k;
    }

    @Override
    public String toString() {
        return "DualVectorField[k=" + k + "]";
    }
}
