/**
 * Benchmarks that print figures: the platform started as {@code ./run-local} starts it, measured
 * beside what its broker and database do alone. Not part of the test run.
 */
package vn.ocop.benchmark;
