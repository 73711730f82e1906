package dev.wengert.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds data that is not Wengert's to commit (ADBench, NIST StRD), which lives outside the
 * repository in a folder {@code shared/data} beside the checkout.
 *
 * <p>A data set {@code NAME} (for example {@code adbench} or {@code nist-strd-nls}) is looked up
 * as follows, first match wins:
 *
 * <ol>
 *   <li>the system property {@value #PROPERTY}, naming the folder that contains {@code NAME/};
 *       a relative path is resolved against the working directory;</li>
 *   <li>otherwise the working directory and each of its parents in turn, looking for
 *       {@code shared/data/NAME} inside it (from a module directory, where Maven runs the tests,
 *       that finds {@code ../../shared/data/NAME}).</li>
 * </ol>
 *
 * <p>A user's fresh clone has no such folder. Tests that need the data are then skipped with one
 * line naming what is missing ({@link RequiresData}); with the environment variable
 * {@value #CI_VARIABLE} set, a missing folder fails the build instead.
 */
public final class ExternalData {

    /** The system property naming the folder that contains the data sets. */
    public static final String PROPERTY = "wengert.data";

    /** The environment variable whose presence turns a missing data set into a failure. */
    public static final String CI_VARIABLE = "CI";

    private ExternalData() {
    }

    /**
     * Looks a data set up without failing.
     *
     * @param name the data set's folder name, such as {@code "adbench"}
     * @return the folder, or empty if neither the property nor the walk up finds it
     * @throws IllegalStateException if the property is set but names no folder containing
     *         {@code name/}: a mistyped property is an error, not a reason to skip
     */
    public static Optional<Path> find(String name) {
        String property = System.getProperty(PROPERTY);
        Path cwd = Paths.get("").toAbsolutePath();
        if (property != null && !property.isBlank()) {
            Path folder = cwd.resolve(property).normalize().resolve(name);
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + property
                        + " must name a folder containing " + name + "/, but " + folder + " is not a folder");
            }
            return Optional.of(folder);
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * The data set's folder, or a clear error.
     *
     * @param name the data set's folder name
     * @return the folder
     * @throws IllegalStateException if it is not found, saying how to supply it
     */
    public static Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(missing(name)));
    }

    /**
     * The one-line explanation of a missing data set.
     *
     * @param name the data set's folder name
     * @return what is missing and how to supply it
     */
    public static String missing(String name) {
        return name + " data not found: no shared/data/" + name + " in "
                + Paths.get("").toAbsolutePath() + " or any of its parents; set -D" + PROPERTY
                + "=<folder containing " + name + "/> to run these tests";
    }

    /**
     * Whether the build runs in CI, where missing data is a failure rather than a skip.
     *
     * @return true if the environment variable {@value #CI_VARIABLE} is set and not empty
     */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty();
    }
}
