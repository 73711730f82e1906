package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.expr.Expression;
import dev.wengert.core.expr.NodeKind;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator itself: its programs stay in bounds and, together, use every rule of the tables. */
class ProgramGeneratorTest {

    @Test
    void safeProgramsUseEveryRuleAndShareSubexpressionsWithinTheBounds() {
        coversEveryRuleWithinTheBounds(ProgramGenerator.safe());
    }

    @Test
    void rawProgramsUseEveryRuleAndShareSubexpressionsWithinTheBounds() {
        coversEveryRuleWithinTheBounds(ProgramGenerator.raw());
    }

    @Test
    void generatedProgramsPrintAsTextThatParsesBackToTheSameProgram() {
        Budget.qt().forAll(ProgramGenerator.raw()).checkAssert(p -> {
            Expression back = Expression.parse(p.expression.toText(), p.expression.variables());
            if (!back.equals(p.expression)) {
                throw new AssertionError("parsed back as " + back.toText());
            }
        });
    }

    private static void coversEveryRuleWithinTheBounds(ProgramGenerator generator) {
        Set<UnaryRule> unary = EnumSet.noneOf(UnaryRule.class);
        Set<BinaryRule> binary = EnumSet.noneOf(BinaryRule.class);
        Set<ParametricRule> parametric = EnumSet.noneOf(ParametricRule.class);
        int[] shared = {0};
        Budget.qt(2000).forAll(generator).checkAssert(p -> {
            Expression e = p.expression;
            assertTrue(e.inputs() >= 1 && e.inputs() <= ProgramGenerator.MAX_INPUTS, "n = " + e.inputs());
            assertTrue(e.outputs() >= 1 && e.outputs() <= ProgramGenerator.MAX_OUTPUTS, "m = " + e.outputs());
            int[] depth = new int[e.size()];
            int[] uses = new int[e.size()];
            for (int i = 0; i < e.size(); i++) {
                NodeKind k = e.kind(i);
                for (int a = 0; a < k.arity(); a++) {
                    depth[i] = Math.max(depth[i], depth[e.operand(i, a)] + 1);
                    uses[e.operand(i, a)]++;
                }
                assertTrue(depth[i] <= ProgramGenerator.MAX_DEPTH, "depth " + depth[i]);
                if (k == NodeKind.UNARY) {
                    unary.add(e.unaryRule(i));
                } else if (k == NodeKind.BINARY) {
                    binary.add(e.binaryRule(i));
                } else if (k == NodeKind.PARAMETRIC) {
                    parametric.add(e.parametricRule(i));
                }
            }
            for (int i = 0; i < e.size(); i++) {
                if (e.kind(i) != NodeKind.INPUT && e.kind(i) != NodeKind.CONSTANT && uses[i] > 1) {
                    shared[0]++;
                }
            }
        });
        assertEquals(EnumSet.allOf(UnaryRule.class), unary);
        assertEquals(EnumSet.allOf(BinaryRule.class), binary);
        assertEquals(EnumSet.allOf(ParametricRule.class), parametric);
        assertTrue(shared[0] > 100, "only " + shared[0] + " shared operation nodes in 2000 programs");
    }
}
