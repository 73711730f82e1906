/** JMH benchmarks: derivative time over plain double time, and Wengert over commons-math3. */
package dev.wengert.benchmarks;
