package dev.wengert.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The compiled module descriptor exports the API to everyone and the internal package to Wengert only. */
class ModuleExportsTest {

    @Test
    void internalChecksAreExportedOnlyToTheWengertModules() throws Exception {
        // the module-info.class beside the classes of ad-core (target/classes or its jar)
        Path location = Path.of(Differentiator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                JarEntry entry = jar.getJarEntry("module-info.class");
                assertNotNull(entry, "module-info.class in " + location);
                try (InputStream in = jar.getInputStream(entry)) {
                    descriptor = ModuleDescriptor.read(in);
                }
            }
        }
        assertEquals("dev.wengert.core", descriptor.name());
        Map<String, Set<String>> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports e : descriptor.exports()) {
            exports.put(e.source(), e.isQualified() ? new TreeSet<>(e.targets()) : Set.of("everyone"));
        }
        assertEquals(Map.of(
                "dev.wengert.core", Set.of("everyone"),
                "dev.wengert.core.expr", Set.of("everyone"),
                "dev.wengert.core.internal", Set.of("dev.wengert.forward", "dev.wengert.reverse", "dev.wengert.mixed")),
                exports);
    }
}
