/**
 * Runs the whole platform on one machine with nothing but a JDK: a real Kafka broker and a real
 * PostgreSQL 17, both with data on disk, and the four services as separate processes.
 */
package vn.ocop.local;
