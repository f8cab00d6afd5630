package se.tertial.store;

import java.util.Objects;

/**
 * A database server to keep the store in instead of the embedded SQLite file: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/tertial}) and the credentials, which never appear in {@link #toString()}.
 *
 * @param poolSize connections this instance keeps at most (each instance its own; mind the server's limit)
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL = 8;

    public DatabaseUrl(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_POOL);
    }

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 2 || poolSize > 200) {
            throw new IllegalArgumentException(se.tertial.spec.CliText.invalidPool(poolSize));
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(se.tertial.spec.CliText.databaseUrlUnsupported(jdbcUrl));
        }
    }

    /** The URL without any password a user may have put in its query string. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return safeUrl() + (user == null ? "" : " (" + user + ")");
    }
}
