/**
 * Wengert's contract: the function interfaces every mode differentiates, the
 * {@link dev.wengert.core.Differentiator} service, the table of elementary-function rules that
 * every mode applies, the finite-difference reference and the expression language.
 */
module dev.wengert.core {
    requires transitive commons.math3;

    exports dev.wengert.core;
    exports dev.wengert.core.expr;

    uses dev.wengert.core.Differentiator;

    provides dev.wengert.core.Differentiator with dev.wengert.core.FiniteDifferences;
}
