package dev.wengert.cli;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.FiniteDifferences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The modes a command can compare, by their short command-line names: {@code forward},
 * {@code reverse}, {@code mixed} (found through {@link java.util.ServiceLoader}), {@code fd}
 * (finite differences, the reference) and {@code ds} (commons-math3 {@code DerivativeStructure}).
 */
final class Modes {

    /** Every short name, in display order. */
    static final List<String> NAMES = List.of("forward", "reverse", "mixed", "fd", "ds");

    private Modes() {
    }

    /** A mode by its short name. */
    record Mode(String key, Differentiator differentiator) {
    }

    /**
     * @param list names separated by commas, or {@code all} (every mode on the class path)
     * @return the modes, in display order, each once
     * @throws UserError for a name that is not a mode, or a mode not on the class path
     */
    static List<Mode> parse(String list) {
        Set<String> wanted = new LinkedHashSet<>();
        boolean all = false;
        for (String part : list.split(",")) {
            String name = part.trim();
            if (name.equals("all")) {
                all = true;
            } else if (name.isEmpty()) {
                continue;
            } else if (NAMES.contains(name)) {
                wanted.add(name);
            } else {
                throw new UserError("unknown mode '" + name + "'; choose from " + String.join(", ", NAMES) + ", or all");
            }
        }
        if (!all && wanted.isEmpty()) {
            throw new UserError("--modes '" + list + "' names no mode; choose from " + String.join(", ", NAMES)
                    + ", or all");
        }
        List<Mode> modes = new ArrayList<>();
        for (String name : NAMES) {
            if (wanted.contains(name)) {
                modes.add(new Mode(name, named(name)));
            } else if (all && available(name)) {
                modes.add(new Mode(name, named(name)));
            }
        }
        return modes;
    }

    /**
     * @param key a short name
     * @return whether its mode is on the class path
     */
    static boolean available(String key) {
        try {
            named(key);
            return true;
        } catch (UserError e) {
            return false;
        }
    }

    /**
     * @param key a short name
     * @return its differentiator
     * @throws UserError if it is not on the class path
     */
    static Differentiator named(String key) {
        switch (key) {
            case "fd":
                return new FiniteDifferences();
            case "ds":
                return new DerivativeStructureDifferentiator();
            default:
                for (Differentiator d : Differentiators.available()) {
                    if (d.name().equals(key)) {
                        return d;
                    }
                }
                throw new UserError("mode '" + key + "' is not on the class path of this build");
        }
    }
}
