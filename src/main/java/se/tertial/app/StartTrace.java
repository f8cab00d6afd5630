package se.tertial.app;

/**
 * The start's steps timed, for the bench and for anyone asking why a start is slow: with
 * {@code -Dtertial.start.trace=true} each step prints to standard error how long after the JVM's own start it ended.
 * The JVM's start is its own uptime clock, read once at the first step (the operating system's process start time
 * is kept in whole seconds of boot time, which put the figures off by up to a second); later steps add
 * {@link System#nanoTime()} to it.
 */
public final class StartTrace {
    private static final boolean ON = Boolean.getBoolean("tertial.start.trace");
    private static long originNanos;

    private StartTrace() {}

    /** Notes that {@code step} has ended. */
    public static void mark(String step) {
        if (ON) {
            synchronized (StartTrace.class) {
                if (originNanos == 0) {
                    long uptimeMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                    originNanos = System.nanoTime() - uptimeMillis * 1_000_000L;
                }
            }
            System.err.println("start: " + (System.nanoTime() - originNanos) / 1_000_000 + " ms  " + step);
        }
    }
}
