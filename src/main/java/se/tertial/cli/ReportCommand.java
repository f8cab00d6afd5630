package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.GeneratedFile;
import se.tertial.app.Tertial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes the consolidated workbook of a period without a server. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Skriver den sammanställda arbetsboken för en period (nämndsavvikelser, RR, BR m.m.).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--period", required = true, description = "Period, t.ex. 2022-T2.")
    String period;

    @Option(names = "--out", required = true, description = "Utfil (.xlsx).")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Tertial app = Tertial.open(store.offline())) {
            GeneratedFile file = app.reports().workbook(se.tertial.app.Actor.commandLine(), period, false);
            StoreOptions.write(out, file.bytes(), spec.commandLine().getOut());
        }
        return 0;
    }
}
