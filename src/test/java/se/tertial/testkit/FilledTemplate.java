package se.tertial.testkit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.money.Amount;
import se.tertial.spec.Organisation;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.workbook.Prefill;
import se.tertial.workbook.TemplateRequest;
import se.tertial.workbook.TemplateWriter;
import se.tertial.workbook.WorkbookFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a filled-in template the way a controller would: generate the unit's template, then fill cells by line code
 * and column code. {@code valid()} gives a complete, consistent filling that passes every rule.
 */
public final class FilledTemplate {
    private final Workbook wb;

    private FilledTemplate(Workbook wb) {
        this.wb = wb;
    }

    public static FilledTemplate of(String unit, String period, WorkbookFormat format) {
        return of(TestSpecs.catalog(), unit, period, format, Prefill.none());
    }

    public static FilledTemplate of(String unit, String period) {
        return of(unit, period, WorkbookFormat.XLSX);
    }

    public static FilledTemplate of(SpecCatalog catalog, String unitCode, String period, WorkbookFormat format,
                                    Prefill prefill) {
        Organisation org = catalog.organisation();
        Unit unit = org.unit(unitCode).orElseThrow();
        List<TemplateSpec> specs = catalog.currentFor(unit);
        TemplateRequest request = new TemplateRequest(org.region(), unit, org.namnd(unit.namnd()),
                PeriodCode.parse(period), Optional.of(LocalDate.of(2022, 9, 9)), specs, prefill,
                "http://tertial.test/", "test", Instant.parse("2022-09-01T08:00:00Z"));
        return new FilledTemplate(Sheets.open(new TemplateWriter("tertial").write(request, format)));
    }

    /** A consistent filling: revenues and costs with the right signs, small deviations, a balanced balance sheet. */
    public FilledTemplate valid() {
        if (wb.getSheet("Resultat") != null) {
            set("Resultat", "INT_AVGIFTER", "UTFALL", "12000").set("Resultat", "INT_AVGIFTER", "BUDGET_PERIOD", "11800")
                    .set("Resultat", "INT_AVGIFTER", "BUDGET_AR", "18000").set("Resultat", "INT_AVGIFTER", "PROGNOS", "18100");
            set("Resultat", "KOST_LON", "UTFALL", "-80000.5").set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-79500")
                    .set("Resultat", "KOST_LON", "BUDGET_AR", "-120000").set("Resultat", "KOST_LON", "PROGNOS", "-120400");
            set("Resultat", "KOST_LAKEMEDEL", "UTFALL", "-9000").set("Resultat", "KOST_LAKEMEDEL", "BUDGET_PERIOD", "-9100")
                    .set("Resultat", "KOST_LAKEMEDEL", "BUDGET_AR", "-13500").set("Resultat", "KOST_LAKEMEDEL", "PROGNOS", "-13400");
        }
        if (wb.getSheet("Finansiering") != null) {
            set("Finansiering", "SKATT", "UTFALL", "9000000").set("Finansiering", "SKATT", "BUDGET_PERIOD", "8999500")
                    .set("Finansiering", "SKATT", "BUDGET_AR", "13500000").set("Finansiering", "SKATT", "PROGNOS", "13500400");
        }
        if (wb.getSheet("Balans") != null) {
            set("Balans", "BR_MARK", "UB", "5000000").set("Balans", "BR_KASSA", "UB", "1500000.25");
            set("Balans", "BR_EK_ING", "UB", "3000000").set("Balans", "BR_EK_ARETS", "UB", "250000");
            set("Balans", "BR_AVS_PENS", "UB", "1200000").set("Balans", "BR_SKULD_KORT", "UB", "2050000.25");
        }
        return this;
    }

    public FilledTemplate set(String sheet, String line, String column, String tkr) {
        Sheets.set(wb, sheet, line, column, new BigDecimal(tkr));
        return this;
    }

    public FilledTemplate setText(String sheet, String line, String column, String text) {
        Sheets.set(wb, sheet, line, column, text);
        return this;
    }

    public FilledTemplate clear(String sheet, String line, String column) {
        Cell c = Sheets.cell(wb, sheet, line, column);
        c.setBlank();
        return this;
    }

    public FilledTemplate with(Consumer<Workbook> change) {
        change.accept(wb);
        return this;
    }

    public Workbook workbook() {
        return wb;
    }

    public byte[] bytes() {
        return Sheets.bytes(wb);
    }

    public Path write(Path file) {
        try {
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Amount tkr(String value) {
        return Amount.ofTkr(value);
    }
}
