package dev.wengert.forward;

/** Holds the package open until the forward-mode issue lands its classes. */
final class Placeholder {
    private Placeholder() {
    }
}
