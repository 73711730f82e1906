package dev.wengert.core.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs, skips or fails the tests of a {@link RequiresData} class: runs them where every data set
 * is found, skips them with a one-line reason where one is missing, and fails them where one is
 * missing and the environment variable {@code CI} is set.
 */
public final class RequiresDataCondition implements ExecutionCondition {

    /** Reasons already printed, so a skipped class says it once, not once per test. */
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = AnnotationSupport.findAnnotation(context.getElement(), RequiresData.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no data needed");
        }
        for (String name : annotation.get().value()) {
            if (ExternalData.find(name).isEmpty()) {
                String reason = ExternalData.missing(name);
                if (ExternalData.inCi()) {
                    throw new IllegalStateException("CI is set, so missing data fails the build: " + reason);
                }
                if (PRINTED.add(context.getUniqueId())) {
                    System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
                }
                return ConditionEvaluationResult.disabled(reason);
            }
        }
        return ConditionEvaluationResult.enabled("data found");
    }
}
