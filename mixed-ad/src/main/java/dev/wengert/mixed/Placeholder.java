package dev.wengert.mixed;

/** Holds the package open until the mixed-mode issue lands its classes. */
final class Placeholder {
    private Placeholder() {
    }
}
