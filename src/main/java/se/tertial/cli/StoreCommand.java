package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.Config;
import se.tertial.store.Database;
import se.tertial.store.StoreMaintenance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tertial store backup|restore|check|copy}: the embedded store's safety net, the check on either database,
 * and the move from SQLite to PostgreSQL.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Säkerhetskopierar, återställer och kontrollerar databasen.",
        subcommands = {StoreCommand.Backup.class, StoreCommand.Restore.class, StoreCommand.Check.class,
                StoreCommand.Copy.class})
final class StoreCommand {
    private static Path databaseFile(StoreOptions store) {
        return store.data.resolve(Config.DATABASE_FILE);
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Gör en fullständig, konsistent kopia av databasen medan tjänsten kör (VACUUM INTO).")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FIL", description = "Kopians sökväg (får inte finnas).")
        Path target;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = store.offline().openStore()) {
                long bytes = StoreMaintenance.backup(db, target);
                out.printf("Säkerhetskopia: %s (%,d byte)%n", target, bytes);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Återställer en säkerhetskopia till en stoppad datamapp, efter en kontroll av kopian. "
                    + "Den nuvarande databasen sparas bredvid.")
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FIL", description = "Säkerhetskopian.")
        Path backup;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (store.databaseUrl().isPresent()) {
                throw new se.tertial.store.StoreStartupException(se.tertial.spec.CliText.postgresBackup(), null);
            }
            List<String> problems = StoreMaintenance.restore(backup, databaseFile(store), Instant.now());
            if (!problems.isEmpty()) {
                out.println("Återställs inte: kopian klarar inte kontrollen. Inget har ändrats.");
                problems.forEach(p -> out.println("  " + p));
                out.flush();
                return 1;
            }
            out.println("Återställd: " + backup + " → " + databaseFile(store) + " (kontrollerad; den tidigare "
                    + "databasen ligger kvar som tertial.db.before-restore-…)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Kontrollerar databasen: SQLites integrity_check (PostgreSQL: amcheck) och tertials egna "
                    + "regler (varje version har sina belopp, varje original sina byte, versioner utan luckor).")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> problems;
            try (Database db = store.offline().openStore()) {
                problems = StoreMaintenance.check(db);
            }
            if (problems.isEmpty()) {
                out.println("Databasen är hel: inga fel hittades.");
            } else {
                out.println(problems.size() + " fel:");
                problems.forEach(p -> out.println("  " + p));
            }
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Kopierar den inbyggda SQLite-databasen i --data till PostgreSQL och kontrollerar kopian "
                    + "(rader per tabell, varje originals SHA-256, varje periods belopp). Stoppa tjänsten först.")
    static final class Copy implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store;

        @picocli.CommandLine.Option(names = "--to", required = true, paramLabel = "JDBC-URL",
                description = "Måldatabasen, t.ex. jdbc:postgresql://värd:5432/tertial.")
        String to;

        @picocli.CommandLine.Option(names = "--to-user", defaultValue = "${env:TERTIAL_DATABASE_USER}",
                description = "Användare i PostgreSQL (env TERTIAL_DATABASE_USER). Lösenord: env "
                        + "TERTIAL_DATABASE_PASSWORD eller --to-password-file.")
        String user;

        @picocli.CommandLine.Option(names = "--to-password-file", paramLabel = "FIL",
                defaultValue = "${env:TERTIAL_DATABASE_PASSWORD_FILE}",
                description = "Fil med lösenordet till PostgreSQL (env TERTIAL_DATABASE_PASSWORD_FILE).")
        Path passwordFile;

        @picocli.CommandLine.Option(names = "--replace",
                description = "Töm måldatabasen först om den redan innehåller uppgifter (annars vägras kopian).")
        boolean replace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (store.database != null && !store.database.isBlank()) {
                throw new se.tertial.app.TertialException.Invalid(se.tertial.spec.CliText.copySourceNotSqlite());
            }
            se.tertial.store.DatabaseUrl target = StoreOptions.server(to, user, passwordFile, "--to-password-file",
                    store.databasePool);
            try (Database source = Database.open(databaseFile(store));
                 Database pg = Database.connect(target, replace)) {
                se.tertial.store.StoreCopy.Copied copied = se.tertial.store.StoreCopy.copy(source, pg);
                out.println("Kopierade " + source.where() + " → " + pg.where() + ":");
                copied.rows().forEach((table, n) -> out.printf("  %-16s %,d rader%n", table, n));
                if (!copied.problems().isEmpty()) {
                    out.println("Kontrollen av kopian hittade " + copied.problems().size() + " fel:");
                    copied.problems().forEach(p -> out.println("  " + p));
                    out.flush();
                    return 1;
                }
                out.println("Kontrollerad: samma antal rader i varje tabell, varje originalfil med sin SHA-256, "
                        + "samma belopp och summor per period.");
            }
            out.flush();
            return 0;
        }
    }
}
