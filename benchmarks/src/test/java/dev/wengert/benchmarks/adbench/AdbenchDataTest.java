package dev.wengert.benchmarks.adbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.wengert.core.testing.RequiresData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder is found by the property or by walking up; golden files skip their notes. */
class AdbenchDataTest {

    @Test
    @RequiresData(AdbenchData.NAME)
    void walkingUpFindsTheDataFolderWithItsLicence() {
        String saved = System.clearProperty(AdbenchData.PROPERTY);
        try {
            assertTrue(Files.isRegularFile(AdbenchData.root().resolve("LICENSE.TXT")));
        } finally {
            restore(saved);
        }
    }

    @Test
    void propertyNamesTheFolderThatContainsAdbench(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("adbench"));
        String saved = System.setProperty(AdbenchData.PROPERTY, dir.toString());
        try {
            assertEquals(dir.resolve("adbench"), AdbenchData.root());
        } finally {
            restore(saved);
        }
    }

    @Test
    void propertyWithoutAdbenchFolderIsAClearError(@TempDir Path dir) {
        String saved = System.setProperty(AdbenchData.PROPERTY, dir.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, AdbenchData::root);
            assertTrue(e.getMessage().startsWith("-Dwengert.data=" + dir + " must name a folder containing adbench/"),
                    e.getMessage());
        } finally {
            restore(saved);
        }
    }

    @Test
    @RequiresData(AdbenchData.NAME)
    void goldenFileSkipsItsSourceNotes() {
        assertArrayEquals(new double[] {8.073804080049758}, AdbenchData.golden("golden/gmm_test_F.txt"));
    }

    private static void restore(String saved) {
        if (saved == null) {
            System.clearProperty(AdbenchData.PROPERTY);
        } else {
            System.setProperty(AdbenchData.PROPERTY, saved);
        }
    }
}
