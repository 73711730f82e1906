package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;

/**
 * A Wengert number type that applies a rule of the table directly. {@link Functions} uses this
 * so that {@code relu}, {@code sigmoid}, {@code softplus}, {@code square}, {@code max} and
 * {@code min} — which {@link RealFieldElement} lacks — are single elementary operations in every
 * mode (one tape entry, one rule application) rather than compositions of other operations.
 *
 * @param <T> the number type itself
 */
public interface Elementary<T extends RealFieldElement<T>> {

    /**
     * @param rule the rule to apply
     * @return rule(this), with value {@code rule.value(getReal())} and derivatives by the chain rule
     */
    T apply(UnaryRule rule);

    /**
     * @param rule the rule to apply
     * @param other its second argument, of the same kind (same tape, same number of tangents)
     * @return rule(this, other)
     */
    T apply(BinaryRule rule, T other);
}
