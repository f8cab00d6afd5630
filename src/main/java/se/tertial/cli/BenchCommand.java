package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.bench.Benchmarks;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tertial bench}: reads the command line and runs {@link Benchmarks}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Mäter tiden att skapa mallar (median av flera körningar i en uppvärmd JVM).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "${env:TERTIAL_TEMPLATES:-workbook-templates}",
            description = "Mapp med organisation och mallar (standard: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--runs", defaultValue = "30", description = "Mätta körningar per fall (standard: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "20", description = "Uppvärmningskörningar (standard: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--only", description = "Bara en del: templates, uploads, report, feed, pages, start eller bulk (start och bulk körs bara på begäran).")
    String only;

    @Option(names = "--files", defaultValue = "10000", description = "Filer för --only bulk (standard: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallella filer för --only bulk (standard: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--uploads", defaultValue = "300", description = "Uppladdningar per mätning (standard: ${DEFAULT-VALUE}).")
    int uploads;

    @Option(names = "--postgresql", paramLabel = "JDBC-URL",
            description = "Mät uppladdningar och rapporten också mot denna tomma PostgreSQL-databas, sida vid sida med "
                    + "SQLite (användare och lösenord: env TERTIAL_DATABASE_USER, TERTIAL_DATABASE_PASSWORD). Bänken "
                    + "tömmer den mellan delarna; en databas med tertials uppgifter vägras.")
    String postgresql;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<se.tertial.store.DatabaseUrl> pg = java.util.Optional.ofNullable(postgresql)
                .map(u -> new se.tertial.store.DatabaseUrl(u, System.getenv("TERTIAL_DATABASE_USER"),
                        System.getenv("TERTIAL_DATABASE_PASSWORD")));
        Benchmarks.run(new Benchmarks.Settings(templates, runs, warmup, only, files, jobs, uploads, pg, Main.class),
                spec.commandLine().getOut());
        return 0;
    }
}
