package se.tertial.http;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an API key's user, a client address): {@code perMinute} requests, refilled evenly, with a
 * burst of the same size. {@link #take} answers how long to wait when the bucket is empty. Buckets that are full
 * again are dropped, so the map stays as small as the set of recent callers.
 */
public final class RateLimiter {
    private final double perMilli;
    private final double capacity;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, at millis}

    public RateLimiter(int perMinute, Clock clock) {
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one token; empty when allowed, else the seconds to wait. */
    public OptionalLong take(String key) {
        long now = clock.millis();
        double[] result = new double[1];
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? capacity : Math.min(capacity, b[0] + (now - (long) b[1]) * perMilli);
            if (tokens >= 1) {
                result[0] = 0;
                return new double[] {tokens - 1, now};
            }
            result[0] = Math.ceil((1 - tokens) / perMilli / 1000.0);
            return new double[] {tokens, now};
        });
        if (buckets.size() > 10_000) {
            prune(now);
        }
        return result[0] == 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (long) result[0]));
    }

    /** Whether the key has tokens left, without taking one. */
    public OptionalLong peek(String key) {
        double[] b = buckets.get(key);
        if (b == null) {
            return OptionalLong.empty();
        }
        double tokens = Math.min(capacity, b[0] + (clock.millis() - (long) b[1]) * perMilli);
        return tokens >= 1 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens)
                / perMilli / 1000.0)));
    }

    private void prune(long now) {
        buckets.entrySet().removeIf(e -> e.getValue()[0] + (now - (long) e.getValue()[1]) * perMilli >= capacity);
    }
}
