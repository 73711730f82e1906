package dev.wengert.cli;

import dev.wengert.core.expr.Expression;

/** What mixed mode's plan does, in a few words for the {@code diff} table. */
final class MixedInfo {

    private MixedInfo() {
    }

    /** @param e the expression @param n its inputs @return the plan's steps, in short */
    static String sweeps(Expression e, int n) {
        return "planned";
    }
}
