package se.tertial.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a tertial instance runs. Defaults give the embedded setup: SQLite under {@code ./data/} and the example
 * organisation in {@code ./workbook-templates/}.
 *
 * @param publicUrl the address users reach the service at; written into the templates' instructions
 * @param sheetPassword protects template sheets against accidental edits; not a secret
 * @param database a PostgreSQL database to keep the store in; empty: the SQLite file in {@code dataDir}
 * @param sso sign-in with the region's accounts (OpenID Connect), or {@link SsoConfig#OFF}
 */
public record Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword,
                     long maxUploadBytes, Limits limits, MailConfig mail,
                     java.util.Optional<se.tertial.store.DatabaseUrl> database, SsoConfig sso) {
    public static final Path DEFAULT_TEMPLATES = Path.of("workbook-templates");
    public static final Path DEFAULT_DATA = Path.of("data");
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_SHEET_PASSWORD = "tertial";
    public static final String DATABASE_FILE = "tertial.db";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    /** With the default upload limit. */
    public Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword) {
        this(templatesDir, dataDir, host, port, publicUrl, sheetPassword, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword,
                  long maxUploadBytes) {
        this(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, Limits.DEFAULTS);
    }

    /** Without e-mail. */
    public Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword,
                  long maxUploadBytes, Limits limits) {
        this(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits, MailConfig.OFF);
    }

    /** On the embedded SQLite file. */
    public Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword,
                  long maxUploadBytes, Limits limits, MailConfig mail) {
        this(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits, mail,
                java.util.Optional.empty());
    }

    public Config(Path templatesDir, Path dataDir, String host, int port, String publicUrl, String sheetPassword,
                  long maxUploadBytes, Limits limits, MailConfig mail,
                  java.util.Optional<se.tertial.store.DatabaseUrl> database) {
        this(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits, mail, database,
                SsoConfig.OFF);
    }

    public Config {
        Objects.requireNonNull(sso, "sso");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(sheetPassword, "sheetPassword");
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("upload limit too small: " + maxUploadBytes);
        }
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
    }

    public static Config defaults() {
        return new Config(DEFAULT_TEMPLATES, DEFAULT_DATA, "0.0.0.0", DEFAULT_PORT, null, DEFAULT_SHEET_PASSWORD);
    }

    public Path databaseFile() {
        return dataDir.resolve(DATABASE_FILE);
    }

    public Config withPort(int newPort) {
        return new Config(templatesDir, dataDir, host, newPort, publicUrl, sheetPassword, maxUploadBytes, limits,
                mail, database, sso);
    }

    public Config withLimits(Limits newLimits) {
        return new Config(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, newLimits,
                mail, database, sso);
    }

    public Config withMail(MailConfig newMail) {
        return new Config(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits,
                newMail, database, sso);
    }

    /** The store in this PostgreSQL database (empty: the SQLite file in {@code dataDir}). */
    public Config withDatabase(java.util.Optional<se.tertial.store.DatabaseUrl> newDatabase) {
        return new Config(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits, mail,
                newDatabase, sso);
    }

    /** With sign-in through the region's accounts. */
    public Config withSso(SsoConfig newSso) {
        return new Config(templatesDir, dataDir, host, port, publicUrl, sheetPassword, maxUploadBytes, limits, mail,
                database, newSso);
    }

    /** Opens the store this configuration names. */
    public se.tertial.store.Database openStore() {
        return database.map(se.tertial.store.Database::connect)
                .orElseGet(() -> se.tertial.store.Database.open(databaseFile(), limits.maxDatabaseBytes()));
    }
}
