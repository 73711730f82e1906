package dev.wengert.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link Differentiator}s on the class path or module path through {@link ServiceLoader}.
 */
public final class Differentiators {

    private static final List<String> ORDER = List.of("forward", "reverse", "mixed", "finite-differences");

    private Differentiators() {
    }

    /**
     * @return every registered differentiator, in the order forward, reverse, mixed,
     *         finite-differences, then any others by name
     */
    public static List<Differentiator> available() {
        List<Differentiator> found = new ArrayList<>();
        for (Differentiator d : ServiceLoader.load(Differentiator.class, Differentiators.class.getClassLoader())) {
            found.add(d);
        }
        found.sort(Comparator.comparingInt((Differentiator d) -> rank(d.name())).thenComparing(Differentiator::name));
        return found;
    }

    /**
     * @param name a mode's name, as returned by {@link Differentiator#name()}
     * @return the registered differentiator of that name
     * @throws IllegalArgumentException if none is registered under that name
     */
    public static Differentiator named(String name) {
        List<String> names = new ArrayList<>();
        for (Differentiator d : available()) {
            if (d.name().equals(name)) {
                return d;
            }
            names.add(d.name());
        }
        throw new IllegalArgumentException("no differentiator named '" + name + "'; available: " + names);
    }

    private static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }
}
