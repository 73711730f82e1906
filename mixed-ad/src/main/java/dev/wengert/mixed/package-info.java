/** Wengert mixed mode (see DESIGN.md). */
package dev.wengert.mixed;
