package dev.wengert.reverse;

import dev.wengert.reverse.kernel.OpCodes;

/**
 * The tape's name for the op codes of {@link OpCodes} (the table of codes, sweep kinds and rules
 * lives there, beside the sweep kernels that read it).
 */
final class OpCode extends OpCodes {

    private OpCode() {
    }
}
