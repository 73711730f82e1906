package dev.wengert.properties;

import org.quicktheories.QuickTheory;

/**
 * How many random programs each property tries, and with which seed. The number comes from the
 * system property {@code wengert.tries} (default 1000, set by the parent pom's surefire
 * configuration; soak with {@code mvn verify -Dwengert.tries=100000}). A failing property prints
 * QuickTheories' "Seed was S"; rerun exactly that case with {@code -Dwengert.seed=S} (or
 * QuickTheories' own {@code -DQT_SEED=S}).
 */
final class Budget {

    private Budget() {
    }

    /** @return the number of random programs per property */
    static int tries() {
        return Integer.getInteger("wengert.tries", 1000);
    }

    /** @return a QuickTheories runner with {@link #tries()} examples and, if given, the fixed seed */
    static QuickTheory qt() {
        return qt(tries());
    }

    /**
     * @param examples the number of examples
     * @return a QuickTheories runner with that many examples and, if given, the fixed seed
     */
    static QuickTheory qt(int examples) {
        QuickTheory qt = QuickTheory.qt().withExamples(examples).withShrinkCycles(2000).withGenerateAttempts(100);
        String seed = System.getProperty("wengert.seed");
        if (seed != null && !seed.isEmpty()) {
            qt = qt.withFixedSeed(Long.parseLong(seed.trim()));
        }
        return qt;
    }
}
