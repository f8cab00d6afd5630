package se.tertial.cli;

import picocli.CommandLine.Option;
import se.tertial.app.Config;

import java.nio.file.Path;

/** Where the specs and the database live; shared by every command that needs them. */
final class StoreOptions {
    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "${env:TERTIAL_TEMPLATES:-workbook-templates}",
            description = "Mapp med organisation och mallar (standard: ${DEFAULT-VALUE}, env TERTIAL_TEMPLATES).")
    Path templates;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:TERTIAL_DATA:-data}",
            description = "Mapp för SQLite-databasen (standard: ${DEFAULT-VALUE}, env TERTIAL_DATA).")
    Path data;

    @Option(names = "--database", paramLabel = "JDBC-URL", defaultValue = "${env:TERTIAL_DATABASE}",
            description = "PostgreSQL-databas i stället för SQLite-filen, t.ex. jdbc:postgresql://värd:5432/tertial "
                    + "(env TERTIAL_DATABASE). Användare: --database-user / env TERTIAL_DATABASE_USER; lösenord: env "
                    + "TERTIAL_DATABASE_PASSWORD eller --database-password-file, aldrig på kommandoraden.")
    String database;

    @Option(names = "--database-user", defaultValue = "${env:TERTIAL_DATABASE_USER}",
            description = "Användare i PostgreSQL (env TERTIAL_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password-file", paramLabel = "FIL",
            defaultValue = "${env:TERTIAL_DATABASE_PASSWORD_FILE}",
            description = "Fil med lösenordet till PostgreSQL (env TERTIAL_DATABASE_PASSWORD_FILE).")
    Path databasePasswordFile;

    @Option(names = "--database-pool", defaultValue = "${env:TERTIAL_DATABASE_POOL:-8}",
            description = "Största antal anslutningar till PostgreSQL per instans (standard: ${DEFAULT-VALUE}, env "
                    + "TERTIAL_DATABASE_POOL).")
    int databasePool;

    /** The PostgreSQL database named by the options and environment; empty: the embedded SQLite file. */
    java.util.Optional<se.tertial.store.DatabaseUrl> databaseUrl() {
        if (database == null || database.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(server(database, databaseUser, databasePasswordFile, "--database-password-file",
                databasePool));
    }

    /**
     * A PostgreSQL database from a URL, a user and a password file (else env TERTIAL_DATABASE_PASSWORD); invalid
     * values are refused in Swedish.
     */
    static se.tertial.store.DatabaseUrl server(String url, String user, Path passwordFile, String fileOption,
                                               int pool) {
        String password = System.getenv("TERTIAL_DATABASE_PASSWORD");
        if (passwordFile != null) {
            try {
                password = java.nio.file.Files.readString(passwordFile).strip();
            } catch (java.io.IOException e) {
                throw new se.tertial.app.TertialException.Invalid(se.tertial.spec.CliText.unreadableFile(
                        fileOption, passwordFile));
            }
        }
        try {
            return new se.tertial.store.DatabaseUrl(url.strip(), user == null || user.isBlank() ? null : user,
                    password, pool);
        } catch (IllegalArgumentException e) {
            throw new se.tertial.app.TertialException.Invalid(e.getMessage());
        }
    }

    /** The configuration for commands that work on the store without serving HTTP. */
    Config offline() {
        return config("127.0.0.1", Config.DEFAULT_PORT, null, Config.DEFAULT_SHEET_PASSWORD);
    }

    /** Writes a generated file to {@code out} (creating its directory) and says so. */
    static void write(java.nio.file.Path out, byte[] bytes, java.io.PrintWriter say) throws java.io.IOException {
        java.nio.file.Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        java.nio.file.Files.write(out, bytes);
        say.println("Skrev " + out + " (" + bytes.length + " byte)");
    }

    Config config(String host, int port, String publicUrl, String sheetPassword) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword).withDatabase(databaseUrl());
    }

    Config config(String host, int port, String publicUrl, String sheetPassword, long maxUploadBytes) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword, maxUploadBytes)
                .withDatabase(databaseUrl());
    }
}
