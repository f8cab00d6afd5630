package se.tertial.app;

/**
 * The start's steps timed, for the bench and for anyone asking why a start is slow: with
 * {@code -Dtertial.start.trace=true} each step prints to standard error how long after the JVM's own start it ended
 * (the JVM's start as the operating system saw it, so the JVM's boot and class loading count too).
 */
public final class StartTrace {
    private static final boolean ON = Boolean.getBoolean("tertial.start.trace");
    private static final long STARTED = ON ? ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()) : 0;

    private StartTrace() {}

    /** Notes that {@code step} has ended. */
    public static void mark(String step) {
        if (ON) {
            System.err.println("start: " + (System.currentTimeMillis() - STARTED) + " ms  " + step);
        }
    }
}
