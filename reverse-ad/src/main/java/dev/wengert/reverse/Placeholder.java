package dev.wengert.reverse;

/** Holds the package open until the reverse-mode issue lands its classes. */
final class Placeholder {
    private Placeholder() {
    }
}
