package dev.wengert.cli;

import dev.wengert.core.Functions;
import org.apache.commons.math3.RealFieldElement;

/** The seed article's examples, written once, generic over the number type. */
final class Seed {

    private Seed() {
    }

    /** c = a·b, inputs (a, b). */
    static <T extends RealFieldElement<T>> T product(T[] v) {
        return v[0].multiply(v[1]);
    }

    /** z = x·y + x², inputs (x, y): nodes ×, square, +. */
    static <T extends RealFieldElement<T>> T xyPlusXSquared(T[] v) {
        return v[0].multiply(v[1]).add(Functions.square(v[0]));
    }

    /** a2 = σ(w2·relu(w1·x + b1) + b2), inputs (x, w1, b1, w2, b2). */
    static <T extends RealFieldElement<T>> T twoLayer(T[] v) {
        T a1 = Functions.relu(v[1].multiply(v[0]).add(v[2]));
        return Functions.sigmoid(v[3].multiply(a1).add(v[4]));
    }
}
