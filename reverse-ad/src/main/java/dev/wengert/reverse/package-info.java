/** Wengert reverse mode (see DESIGN.md). */
package dev.wengert.reverse;
