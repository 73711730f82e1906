/** Wengert mixed mode (see docs/modes.md in the repository). */
package dev.wengert.mixed;
