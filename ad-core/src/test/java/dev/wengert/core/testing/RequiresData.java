package dev.wengert.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that reads a data set from outside the repository
 * ({@link ExternalData}). Where the data set is absent the tests are skipped, with one line on
 * standard error and in the Surefire report naming what is missing and how to supply it; with the
 * environment variable {@code CI} set they fail instead.
 *
 * <pre>{@code
 * @RequiresData("adbench")
 * class GmmObjectiveTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDataCondition.class)
public @interface RequiresData {

    /**
     * The data sets the tests need, by folder name under {@code shared/data}.
     *
     * @return the folder names, such as {@code "adbench"} or {@code "nist-strd-nls"}
     */
    String[] value();
}
