package se.tertial.workbook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineSpec;
import se.tertial.spec.Organisation;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.testkit.OoxmlSchema;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The streamed .xlsx template against the same template built with POI's usermodel (the writer tertial used before),
 * compared cell by cell, style by style and in its protection, validations, panes and print setup
 * ({@link WorkbookParity}): for every unit of the example region, every period kind (T1, T2, T3) and three prefill
 * states (none, some columns partly prefilled, every amount column fully prefilled).
 */
class TemplateXlsxParityTest {
    private static final TemplateWriter WRITER = new TemplateWriter("tertial");

    enum PrefillState { NONE, SOME, ALL }

    static Stream<Arguments> everyUnitPeriodAndPrefill() {
        List<Arguments> all = new ArrayList<>();
        for (Unit unit : TestSpecs.catalog().organisation().units()) {
            for (String period : List.of("2022-T1", "2022-T2", "2022-T3")) {
                for (PrefillState state : PrefillState.values()) {
                    all.add(Arguments.of(unit.code().value(), period, state));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} prefill {2}")
    @MethodSource("everyUnitPeriodAndPrefill")
    void streamedEqualsUsermodel(String unit, String period, PrefillState state) throws IOException {
        compare(TestSpecs.catalog(), unit, period, state);
    }

    /**
     * Sums that subtract lines, one of them a sum that may be blank: Excel's {@code -""} is {@code #VALUE!}, and the
     * cached values must say so wherever POI's evaluator does.
     */
    @Test
    void subtractedSumsAndErrors(@TempDir Path dir) throws IOException {
        Path specs = TestSpecs.copyTo(dir);
        TestSpecs.edit(specs, "resultat.v1.json", root -> {
            for (var line : root.withArray("lines")) {
                if ("SUM_VNK".equals(line.get("code").asText())) {
                    ArrayNode sum = ((ObjectNode) line).putArray("sum");
                    sum.add("SUM_INT").add("-SUM_KOST").add("-AVSKR");
                }
            }
        });
        SpecCatalog catalog = SpecLoader.load(specs);
        for (PrefillState state : PrefillState.values()) {
            for (String period : List.of("2022-T2", "2022-T3")) {
                compare(catalog, "FS-MED", period, state, line -> true);
                // Income only: the costs' sum is blank, and subtracting it is an error.
                compare(catalog, "FS-MED", period, state, line -> line.code().value().startsWith("INT_"));
            }
        }
        try (XSSFWorkbook wb = streamed(request(catalog, "FS-MED", "2022-T2", PrefillState.ALL,
                line -> line.code().value().startsWith("INT_")))) {
            Cell vnk = Sheets.cell(wb, "Resultat", "SUM_VNK", "UTFALL");
            assertEquals(CellType.ERROR, vnk.getCachedFormulaResultType(), "an error is among the compared values");
        }
    }

    /** The comparison sees a difference: a template for another period is not the same workbook. */
    @Test
    void aDifferenceIsSeen() throws IOException {
        try (Workbook t1 = WRITER.buildWithPoi(request(TestSpecs.catalog(), "FS-MED", "2022-T1", PrefillState.NONE),
                WorkbookFormat.XLSX);
             XSSFWorkbook t2 = streamed(request(TestSpecs.catalog(), "FS-MED", "2022-T2", PrefillState.NONE))) {
            assertThrows(AssertionError.class, () -> WorkbookParity.assertSame((XSSFWorkbook) t1, t2));
        }
        try (Workbook none = WRITER.buildWithPoi(request(TestSpecs.catalog(), "FS-MED", "2022-T2",
                PrefillState.NONE), WorkbookFormat.XLSX);
             XSSFWorkbook all = streamed(request(TestSpecs.catalog(), "FS-MED", "2022-T2", PrefillState.ALL))) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> WorkbookParity.assertSame((XSSFWorkbook) none, all));
            assertNotEquals(null, e.getMessage());
        }
    }

    private static void compare(SpecCatalog catalog, String unit, String period, PrefillState state)
            throws IOException {
        compare(catalog, unit, period, state, line -> true);
    }

    private static void compare(SpecCatalog catalog, String unit, String period, PrefillState state,
                                Predicate<LineSpec> lines) throws IOException {
        TemplateRequest request = request(catalog, unit, period, state, lines);
        try (Workbook reference = WRITER.buildWithPoi(request, WorkbookFormat.XLSX);
             XSSFWorkbook streamed = streamed(request)) {
            // Written and read back, as a user gets it: what POI's writer adds on saving counts too.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            reference.write(bytes);
            try (XSSFWorkbook saved = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
                WorkbookParity.assertSame(saved, streamed);
            }
        }
    }

    /** The streamed workbook, read back by POI once its parts are valid against the ECMA-376 schemas. */
    private static XSSFWorkbook streamed(TemplateRequest request) throws IOException {
        byte[] xlsx = WRITER.write(request, WorkbookFormat.XLSX);
        assertEquals(List.of(), OoxmlSchema.problems(xlsx), "schema errors");
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    static TemplateRequest request(SpecCatalog catalog, String unitCode, String period, PrefillState state) {
        return request(catalog, unitCode, period, state, line -> true);
    }

    static TemplateRequest request(SpecCatalog catalog, String unitCode, String period, PrefillState state,
                                   Predicate<LineSpec> lines) {
        Organisation org = catalog.organisation();
        Unit unit = org.unit(unitCode).orElseThrow();
        List<TemplateSpec> specs = catalog.currentFor(unit);
        PeriodCode code = PeriodCode.parse(period);
        return new TemplateRequest(org.region(), unit, org.namnd(unit.namnd()), code,
                Optional.of(LocalDate.of(2022, 9, 9)), specs, prefill(specs, code, state, lines),
                "https://tertial.example.se/?a=1&b=<2>", "test", Requests.GENERATED);
    }

    /** Amounts with three decimals and either sign; SOME leaves every third line of a prefilled column empty. */
    private static Prefill prefill(List<TemplateSpec> specs, PeriodCode period, PrefillState state,
                                   Predicate<LineSpec> lines) {
        Prefill.Builder b = Prefill.builder();
        if (state == PrefillState.NONE) {
            return b.build();
        }
        Random random = new Random(period.hashCode() * 31L + state.ordinal());
        for (TemplateSpec spec : specs) {
            int n = 0;
            for (ColumnSpec column : spec.columns()) {
                if (!column.kind().isNumeric() || column.isFormulaIn(period)
                        || (state == PrefillState.SOME && n++ % 2 == 1)) {
                    continue;
                }
                b.column(spec.id(), column.code());
                int i = 0;
                for (LineSpec line : spec.lines()) {
                    if ((state == PrefillState.SOME && i++ % 3 == 2) || !lines.test(line)) {
                        continue;
                    }
                    BigDecimal tkr = BigDecimal.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L, 3);
                    b.value(spec.id(), column.code(), line.code(), Amount.ofTkr(tkr));
                }
            }
        }
        return b.build();
    }
}
