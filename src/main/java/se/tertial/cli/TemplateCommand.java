package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.GeneratedFile;
import se.tertial.app.PeriodService;
import se.tertial.app.Tertial;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.workbook.WorkbookFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Writes one unit's template without a server. The period need not be created first: its deadline is taken from the
 * store when it exists, else from {@code --deadline}, else the template says it is not set.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Skriver en enhets mall för en period till en fil (.xlsx eller .xls).")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--unit", required = true, description = "Enhetskod, t.ex. FS-MED.")
    String unit;

    @Option(names = "--period", required = true, description = "Period, t.ex. 2022-T2.")
    String period;

    @Option(names = "--out", required = true, description = "Utfil; .xlsx eller .xls avgör formatet.")
    Path out;

    @Option(names = "--deadline", description = "Sista inlämningsdag (ÅÅÅÅ-MM-DD) om perioden inte finns i databasen.")
    LocalDate deadline;

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString();
        WorkbookFormat format = WorkbookFormat.fromExtension(name.substring(name.lastIndexOf('.') + 1))
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "Utfilen måste sluta på .xlsx eller .xls: " + out));
        PeriodCode code = PeriodService.parse(period);
        try (Tertial app = Tertial.open(store.offline())) {
            Unit u = app.templates().unit(unit);
            Optional<LocalDate> due = app.periods().list().stream().filter(p -> p.code().equals(code))
                    .map(Period::deadline).findFirst().or(() -> Optional.ofNullable(deadline));
            GeneratedFile file = app.templates().template(u, code, due, format);
            StoreOptions.write(out, file.bytes(), spec.commandLine().getOut());
        }
        return 0;
    }
}
