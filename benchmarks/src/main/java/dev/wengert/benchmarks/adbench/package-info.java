/**
 * ADBench problems: readers for its data files and its objectives, written once generically.
 *
 * <p>The data and the expected values come from ADBench (Šrajer, Kukelová, Fitzgibbon, "A
 * benchmark of selected algorithmic differentiation tools on some problems in computer vision and
 * machine learning", Optimization Methods &amp; Software 33(4–6), 2018;
 * github.com/microsoft/ADBench), Copyright (c) Microsoft Corporation, MIT licence. The objectives
 * here are transcriptions of ADBench's reference C++ sources ({@code src/cpp/shared/gmm.h},
 * {@code ba.h}); the licence text stays with the data in {@code shared/data/adbench/LICENSE.TXT}.
 *
 * <ul>
 *   <li>{@link dev.wengert.benchmarks.adbench.AdbenchData} finds the data folder;</li>
 *   <li>{@link dev.wengert.benchmarks.adbench.GmmInstance} and
 *       {@link dev.wengert.benchmarks.adbench.GmmObjective}: the Gaussian mixture model;</li>
 *   <li>{@link dev.wengert.benchmarks.adbench.BaInstance} and
 *       {@link dev.wengert.benchmarks.adbench.BundleAdjustment}: bundle adjustment.</li>
 * </ul>
 */
package dev.wengert.benchmarks.adbench;
