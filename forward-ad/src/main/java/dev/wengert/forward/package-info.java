/** Wengert forward mode (see DESIGN.md). */
package dev.wengert.forward;
