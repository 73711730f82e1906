package dev.wengert.reverse.kernel;

import dev.wengert.reverse.Recording;
import java.util.Objects;
import java.util.function.Function;

/**
 * The arrays of one recording's Wengert list, as the tape holds them — not a copy: a sweep kernel
 * reads them, a replay writes new values and partials into them. Entry i has
 *
 * <pre>
 * op[i]                    its op code ({@link OpCodes}); {@code OpCodes.KIND[op[i]]} its sweep kind
 * value[i]                 vᵢ
 * args[2i], args[2i+1]     operand indices (ONE uses the first; MANY: offset and count in the side arrays)
 * partials[2i], [2i+1]     ∂vᵢ/∂v(args[2i]), ∂vᵢ/∂v(args[2i+1]) (ONE: the parameter in the second)
 * naryArgs[k], naryPartials[k]   the operands and partials of a linear combination, k in [offset, offset + count)
 * </pre>
 *
 * For {@code z = x*y + x²} at (2, 3): op = [input, input, *, square, +], value = [2, 3, 6, 4, 10],
 * args = [0, ·, 1, ·, 0, 1, 0, ·, 2, 3], partials = [·, ·, ·, ·, 3, 2, 4, ·, 1, 1] (· unused),
 * inputs = [0, 1], outputs = [4].
 *
 * <p>Entries {@code [0, leaves)} are inputs and constants recorded before any operation: no sweep
 * but replay has anything to do there.
 */
public final class Entries {

    private static volatile Function<Recording, Entries> reader;

    /** Op code per entry. */
    public final byte[] op;
    /** Value per entry. */
    public final double[] value;
    /** Two operand slots per entry. */
    public final int[] args;
    /** Two partial slots per entry. */
    public final double[] partials;
    /** Operands of the linear combinations. */
    public final int[] naryArgs;
    /** Partials of the linear combinations. */
    public final double[] naryPartials;
    /** The number of entries. */
    public final int size;
    /** The leading entries that are inputs or constants. */
    public final int leaves;
    /** Entry index of each input, in input order (the first {@link #inputCount}). */
    public final int[] inputs;
    /** The number of inputs. */
    public final int inputCount;
    /** Entry index of each output (empty for an open tape). */
    public final int[] outputs;

    /**
     * @param op op codes
     * @param value values
     * @param args operand slots
     * @param partials partial slots
     * @param naryArgs linear-combination operands
     * @param naryPartials linear-combination partials
     * @param size the number of entries
     * @param leaves the leading leaves
     * @param inputs input entries (the first inputCount)
     * @param inputCount the number of inputs
     * @param outputs output entries
     */
    public Entries(byte[] op, double[] value, int[] args, double[] partials, int[] naryArgs,
            double[] naryPartials, int size, int leaves, int[] inputs, int inputCount, int[] outputs) {
        this.op = op;
        this.value = value;
        this.args = args;
        this.partials = partials;
        this.naryArgs = naryArgs;
        this.naryPartials = naryPartials;
        this.size = size;
        this.leaves = leaves;
        this.inputs = inputs;
        this.inputCount = inputCount;
        this.outputs = outputs;
    }

    /**
     * Installs how a recording hands out its arrays; called once, by {@code Recording}'s class
     * initialisation.
     *
     * @param read the reader
     */
    public static void install(Function<Recording, Entries> read) {
        if (reader != null) {
            throw new IllegalStateException("the recording reader is installed already");
        }
        reader = read;
    }

    /**
     * @param recording a recording, on the thread that made it
     * @return its arrays (the recording's own: a replay changes their values and partials)
     */
    public static Entries of(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        return reader.apply(recording);
    }

    /**
     * @param i an entry
     * @return its sweep kind: {@link OpCodes#LEAF}, {@link OpCodes#ONE}, {@link OpCodes#TWO} or
     *         {@link OpCodes#MANY}
     */
    public int kind(int i) {
        return OpCodes.KIND[op[i]];
    }

    /**
     * @param i an entry
     * @return the number of its operand slots: 0, 1, 2, or the count of a linear combination
     */
    public int arity(int i) {
        switch (OpCodes.KIND[op[i]]) {
            case OpCodes.ONE: return 1;
            case OpCodes.TWO: return 2;
            case OpCodes.MANY: return args[2 * i + 1];
            default: return 0;
        }
    }

    /**
     * @param i an entry
     * @param k an operand number, below {@link #arity arity(i)}
     * @return the operand's entry index
     */
    public int operand(int i, int k) {
        return OpCodes.KIND[op[i]] == OpCodes.MANY ? naryArgs[args[2 * i] + k] : args[2 * i + k];
    }

    /**
     * @param i an entry
     * @param k an operand number
     * @return ∂vᵢ/∂v(operand(i, k))
     */
    public double partial(int i, int k) {
        return OpCodes.KIND[op[i]] == OpCodes.MANY ? naryPartials[args[2 * i] + k] : partials[2 * i + k];
    }
}
