/**
 * The benchmarks the {@code bench} command runs, each beside its floor (fastexcel, a bare Jetty, the same files on
 * SQLite), and the class-data archives the build makes by running the same workloads; it measures from outside and
 * serves nothing, and nothing but the {@code bench} command may use it.
 */
package se.tertial.bench;
