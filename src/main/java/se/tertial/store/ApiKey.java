package se.tertial.store;

import java.time.Instant;
import java.util.Optional;

/** One of a user's API keys as listed: never the key itself, which is shown once and stored only as a hash. */
public record ApiKey(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt,
                     Optional<Instant> revokedAt) {
    public boolean active() {
        return revokedAt.isEmpty();
    }
}
