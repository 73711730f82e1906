package dev.wengert.properties;

import org.junit.jupiter.api.Test;

/**
 * expectAd on random safe programs: every mode agrees with double evaluation (values, bit for
 * bit), with every other mode and DerivativeStructure (1e-12), and with finite differences (1e-7),
 * for Jacobians and Hessians. A failure shrinks to a small program printed as parseable text.
 */
class RandomProgramsTest {

    @Test
    void everyModeAgreesWithEveryOtherAndWithFiniteDifferencesOnSafePrograms() {
        ExpectAd.Tally tally = new ExpectAd.Tally();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(
                p -> ExpectAd.expectAd(p.expression, p.point(), p.sensitivity, !p.differsFromDerivativeStructure, tally));
        tally.assertFewSkipped();
        System.out.println("RandomProgramsTest: " + tally);
    }
}
