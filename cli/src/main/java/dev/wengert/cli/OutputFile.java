package dev.wengert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file of an {@code -o FILE} option, checked before any work is done: its folder must exist,
 * it must not be a folder itself, and it must be writable (or creatable). Every failure is a
 * {@link UserError} — one line, exit code 2 — naming the file and what is wrong with it.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * @param option the option's name, for messages ({@code -o})
     * @param file the file the user gave
     * @throws UserError if it cannot be written
     */
    static void check(String option, Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UserError(option + " " + file + ": that is a folder; give a file name (e.g. "
                    + file.resolve("graph.svg") + ")");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserError(option + " " + file + ": the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist") + "; create it first");
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : folder != null && !Files.isWritable(folder)) {
            throw new UserError(option + " " + file + ": permission denied (cannot write "
                    + (Files.exists(absolute) ? "that file" : "in " + folder) + ")");
        }
    }

    /**
     * Writes text, turning an I/O failure into a one-line {@link UserError}.
     *
     * @param option the option's name, for messages
     * @param file the file
     * @param text what to write, as UTF-8
     */
    static void write(String option, Path file, String text) {
        check(option, file);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot write it (" + e.getMessage() + ")");
        }
    }
}
