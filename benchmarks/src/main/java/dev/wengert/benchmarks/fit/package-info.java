/**
 * Benchmarks of least-squares fitting: a whole Levenberg–Marquardt fit of NIST's Thurber problem
 * with exact Jacobians against forward differences, and one model-plus-Jacobian evaluation
 * against the plain model.
 */
package dev.wengert.benchmarks.fit;
