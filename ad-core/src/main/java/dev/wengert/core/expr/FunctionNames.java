package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The function names of the expression language and their arity, with a "did you mean"
 * suggestion for a misspelt name. Every {@link UnaryRule} is a one-argument function under its
 * {@link UnaryRule#functionName()}; the two-argument functions are {@code atan2}, {@code hypot},
 * {@code max}, {@code min}, {@code pow}, {@code remainder}, {@code copySign}, {@code rootN} and
 * {@code scalb}.
 */
final class FunctionNames {

    /** Every function name, in the order of the rule tables. */
    static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>();
        for (UnaryRule r : UnaryRule.values()) {
            all.add(r.functionName());
        }
        for (BinaryRule r : BinaryRule.values()) {
            if (Character.isLetter(r.symbol().charAt(0))) {
                all.add(r.symbol());
            }
        }
        all.add(ParametricRule.ROOT_N.functionName());
        all.add(ParametricRule.SCALB.functionName());
        ALL = Collections.unmodifiableList(all);
    }

    private FunctionNames() {
    }

    /** @return the number of arguments the function takes, or -1 if there is no such function */
    static int arity(String name) {
        if (UnaryRule.byName(name) != null) {
            return 1;
        }
        return ALL.contains(name) ? 2 : -1;
    }

    /** @return the binary rule of that function name, or {@code null} */
    static BinaryRule binary(String name) {
        for (BinaryRule r : BinaryRule.values()) {
            if (r.symbol().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** @return whether the second argument must be an integer literal ({@code rootN}, {@code scalb}) */
    static boolean integerParameter(String name) {
        return name.equals("rootN") || name.equals("scalb");
    }

    /**
     * @param name an unknown function name
     * @return the closest known name (same letters ignoring case, or at most two edits away), or
     *         {@code null}
     */
    static String suggest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : ALL) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                return candidate;
            }
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = name.length() <= 3 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, iterative with two rows; gives up (returns limit) past {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit || a.length() > 64) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
