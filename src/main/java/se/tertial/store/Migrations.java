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

    /** A configured Flyway over this dialect's scripts. */
    static Flyway flyway(DataSource pool, Database.Dialect dialect, boolean cleanAllowed) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/" + folder(dialect), "classpath:db/common")
                .cleanDisabled(!cleanAllowed).load();
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
