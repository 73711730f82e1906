package dev.wengert.reverse.kernel;

/**
 * Where a sweep over the entries [first, end) of a Wengert list keeps its tangents or adjoints:
 * one <em>slot</em> per value (w doubles in a block sweep, at {@code t[slot·w + c]}).
 *
 * <p>The identity map ({@link #identity}) gives entry i slot i: the whole-tape sweeps of reverse
 * mode, and mixed mode's sweeps of a few directions. A compiled map gives each entry the slot
 * a register allocation chose (a value holds its slot from its definition to its last use), read
 * from light index arrays parallel to the tape's own: {@code entrySlot[i − first]} per entry
 * (negative: the entry is skipped, e.g. dead code), {@code argSlot[2i − argBase + k]} per operand
 * slot of a one- or two-operand entry, and {@code narySlot[k − naryBase]} per operand of a linear
 * combination. Nothing of the tape is copied.
 */
public final class SlotMap {

    /** The first entry swept. */
    public final int first;
    /** One past the last entry swept. */
    public final int end;
    /** Per entry i, its slot at {@code i − first}, negative to skip it; null: slot i. */
    final int[] entrySlot;
    /** Operand slots of one- and two-operand entries: entry i's at {@code 2i − argBase (+1)}. */
    final int[] argSlot;
    final int argBase;
    /** Operand slots of linear combinations: side-array position k's at {@code k − naryBase}. */
    final int[] narySlot;
    final int naryBase;
    /** The number of slots (of one direction). */
    public final int slots;
    /** Whether an adjoint slot is zeroed once its entry is propagated (slots are reused). */
    final boolean reuse;

    private SlotMap(int first, int end, int[] entrySlot, int[] argSlot, int argBase, int[] narySlot,
            int naryBase, int slots, boolean reuse) {
        this.first = first;
        this.end = end;
        this.entrySlot = entrySlot;
        this.argSlot = argSlot;
        this.argBase = argBase;
        this.narySlot = narySlot;
        this.naryBase = naryBase;
        this.slots = slots;
        this.reuse = reuse;
    }

    /**
     * @param e the entries
     * @param first the first entry swept
     * @param end one past the last
     * @return entry i in slot i, operands read from the tape's own operand arrays; {@code end} slots
     */
    public static SlotMap identity(Entries e, int first, int end) {
        return new SlotMap(first, end, null, e.args, 0, e.naryArgs, 0, end, false);
    }

    /**
     * @param first the first entry swept
     * @param end one past the last
     * @param entrySlot per entry i, its slot at i − first (negative: skipped)
     * @param argSlot per operand slot of entries [first, end), its value's slot, at 2i − 2·first + k
     * @param narySlot per side-array position k of the range's linear combinations, at k − naryBase
     * @param naryBase the first side-array position of the range
     * @param slots the number of slots
     * @return a map whose adjoint slots are zeroed after use, as slot reuse needs
     */
    public static SlotMap compiled(int first, int end, int[] entrySlot, int[] argSlot, int[] narySlot,
            int naryBase, int slots) {
        return new SlotMap(first, end, entrySlot, argSlot, 2 * first, narySlot, naryBase, slots, true);
    }

    /**
     * @param i an entry in [first, end)
     * @return its slot, negative if skipped
     */
    public int slot(int i) {
        return entrySlot == null ? i : entrySlot[i - first];
    }
}
