/**
 * Wengert's contract: the function interfaces every mode differentiates, the
 * {@link dev.wengert.core.Differentiator} service, the table of elementary-function rules that
 * every mode applies, the finite-difference reference and the expression language.
 *
 * <p>{@code dev.wengert.core.internal} (argument checks with uniform messages) is exported only to
 * Wengert's own modules.
 */
@SuppressWarnings("module") // the Wengert modules named below are compiled after this one
module dev.wengert.core {
    requires transitive commons.math3;

    exports dev.wengert.core;
    exports dev.wengert.core.expr;
    exports dev.wengert.core.internal to dev.wengert.forward, dev.wengert.reverse, dev.wengert.mixed;

    uses dev.wengert.core.Differentiator;

    provides dev.wengert.core.Differentiator with dev.wengert.core.FiniteDifferences;
}
