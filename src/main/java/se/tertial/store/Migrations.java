package se.tertial.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The schema's migrations (Flyway, {@code db/sqlite} or {@code db/postgresql} plus {@code db/common}) and the check
 * that spares a start Flyway when nothing is to be done. Flyway itself loads about 480 classes and scans the jar; on
 * a store whose history already holds every migration this build has, with the same checksums and all successful,
 * it would only have validated that. We compare the same things ourselves — script name, version and Flyway's own
 * checksum (CRC-32 over the lines) — from the history table and the scripts in the jar, and hand over to Flyway as
 * soon as anything differs: a pending migration, a failed one, an edited one, a newer schema. {@code MigrationsTest}
 * keeps {@link #SCRIPTS} equal to the files.
 */
final class Migrations {
    /** Every migration of this build in version order, with the folder it lies in per dialect. */
    static final List<String> SCRIPTS = List.of("V1__periods_submissions_facts.sql", "V2__users_uploads_budget.sql",
            "V3__submission_source_date.sql", "V4__indexes_api_keys_kept_bytes.sql",
            "V5__passwords_sessions_throttle.sql", "V6__review_audit_mail.sql", "V7__sheet_per_version.sql",
            "V8__feed_dimensions.sql", "V9__single_sign_on.sql", "V10__user_names_without_case.sql");

    private Migrations() {}

    /** One applied or bundled migration as Flyway's history records it. */
    record Applied(String version, String script, int checksum) {}

    /** Brings the schema up to date; Flyway runs only when the history is not exactly this build's. */
    static void bringUpToDate(DataSource pool, Database.Dialect dialect) {
        if (!current(pool, dialect)) {
            flyway(pool, dialect, false).migrate();
        }
    }

    /**
     * A configured Flyway over this dialect's scripts, handed to it as {@link #SCRIPTS} names them instead of found
     * by scanning the class path: Flyway's scanner walks every entry of the 56 MB jar (30 000) for migrations and
     * callbacks, a fifth of a fresh store's first migration in a start's profile. Same files, same names, same
     * checksums: a history Flyway wrote from a scan validates against these, and the other way round.
     */
    static Flyway flyway(DataSource pool, Database.Dialect dialect, boolean cleanAllowed) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/" + folder(dialect), "classpath:db/common")
                .resourceProvider(new Bundled(dialect)).javaMigrationClassProvider(java.util.List::of)
                .callbackLocations(new String[0]).cleanDisabled(!cleanAllowed).load();
    }

    /** This build's scripts for one dialect, as Flyway's resources. */
    private record Bundled(Database.Dialect dialect) implements org.flywaydb.core.api.ResourceProvider {
        @Override
        public org.flywaydb.core.api.resource.LoadableResource getResource(String name) {
            return SCRIPTS.contains(name) ? new Script(dialect, name) : null;
        }

        @Override
        public java.util.Collection<org.flywaydb.core.api.resource.LoadableResource> getResources(String prefix,
                                                                                                 String[] suffixes) {
            List<org.flywaydb.core.api.resource.LoadableResource> found = new ArrayList<>();
            for (String script : SCRIPTS) {
                if (script.startsWith(prefix) && java.util.Arrays.stream(suffixes).anyMatch(script::endsWith)) {
                    found.add(new Script(dialect, script));
                }
            }
            return found;
        }
    }

    /** One bundled script: its name is its path relative to its folder, as a class-path scan would record it. */
    private static final class Script extends org.flywaydb.core.api.resource.LoadableResource {
        private final Database.Dialect dialect;
        private final String name;

        Script(Database.Dialect dialect, String name) {
            this.dialect = dialect;
            this.name = name;
        }

        @Override
        public java.io.Reader read() {
            return new InputStreamReader(open(dialect, name), StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path(dialect, name);
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path(dialect, name);
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }

    /** Whether the history holds exactly this build's migrations, each successful and unchanged. */
    static boolean current(DataSource pool, Database.Dialect dialect) {
        List<Applied> applied = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, script, checksum, success, type FROM flyway_schema_history "
                     + "ORDER BY installed_rank")) {
            while (rs.next()) {
                if (!rs.getBoolean(4) || !"SQL".equals(rs.getString(5))) {
                    return false;
                }
                applied.add(new Applied(rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
        } catch (SQLException e) {
            return false; // no history yet (a fresh store), or one Flyway must explain
        }
        return applied.equals(bundled(dialect));
    }

    /** This build's migrations for {@code dialect}, with Flyway's checksums computed from the scripts in the jar. */
    static List<Applied> bundled(Database.Dialect dialect) {
        List<Applied> all = new ArrayList<>();
        for (String script : SCRIPTS) {
            String version = script.substring(1, script.indexOf("__"));
            all.add(new Applied(version, script, checksum(open(dialect, script))));
        }
        return all;
    }

    private static String folder(Database.Dialect dialect) {
        return dialect == Database.Dialect.POSTGRESQL ? "postgresql" : "sqlite";
    }

    private static InputStream open(Database.Dialect dialect, String script) {
        InputStream in = Migrations.class.getResourceAsStream("/db/" + folder(dialect) + "/" + script);
        if (in == null) {
            in = Migrations.class.getResourceAsStream("/db/common/" + script);
        }
        if (in == null) {
            throw new IllegalStateException("migration " + script + " is missing from the jar");
        }
        return in;
    }

    /** Where a script lies in the jar, for Flyway's messages: the dialect's folder, else the common one. */
    private static String path(Database.Dialect dialect, String script) {
        String own = "db/" + folder(dialect) + "/" + script;
        return Migrations.class.getResource("/" + own) != null ? own : "db/common/" + script;
    }

    /** Flyway's checksum of an SQL script: CRC-32 over its lines without line ends, a leading BOM dropped. */
    static int checksum(InputStream script) {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
