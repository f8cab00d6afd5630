package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.CommonText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Sign;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Term;
import se.tertial.spec.Unit;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every unit's template, in both formats and for a tertial and a year end, written and read back with POI. */
class TemplateWorkbookTest {
    private static final TemplateWriter WRITER = new TemplateWriter("tertial");

    static Stream<Arguments> templates() {
        List<Arguments> args = new ArrayList<>();
        for (Unit u : TestSpecs.catalog().organisation().units()) {
            for (String period : List.of("2022-T2", "2022-T3")) {
                for (WorkbookFormat f : WorkbookFormat.values()) {
                    args.add(Arguments.of(u.code().value(), period, f));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("templates")
    void followsTheWorkbookConventions(String unit, String period, WorkbookFormat format) {
        TemplateRequest request = Requests.of(unit, period, Prefill.none());
        try (Workbook wb = Sheets.open(WRITER.write(request, format))) {
            assertSheetOrder(wb, request);
            assertMetadata(wb, request);
            assertInstructions(wb, request);
            for (TemplateSpec spec : request.specs()) {
                Sheet sheet = wb.getSheet(spec.sheet());
                assertCodesAndHeadings(sheet, spec, request.period());
                assertProtection(sheet, spec, request.period(), Prefill.none());
                assertSetUp(sheet, spec);
                assertValidations(sheet, spec, request.period());
            }
        } catch (java.io.IOException e) {
            fail(e);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("templates")
    void formulasComputeSumsAndDeviationsOfFilledInputs(String unit, String period, WorkbookFormat format)
            throws java.io.IOException {
        TemplateRequest request = Requests.of(unit, period, Prefill.none());
        try (Workbook wb = Sheets.open(WRITER.write(request, format))) {
            Random random = new Random(unit.hashCode() * 31L + period.hashCode());
            for (TemplateSpec spec : request.specs()) {
                Map<String, Amount> values = fillInputs(wb, spec, request.period(), random);
                FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
                evaluator.clearAllCachedResultValues();
                for (LineSpec line : spec.lines()) {
                    for (ColumnSpec col : spec.columns()) {
                        if (!col.kind().isNumeric()) {
                            continue;
                        }
                        Amount expected = expected(spec, request.period(), line, col, values);
                        Cell cell = Sheets.cell(wb, spec.sheet(), line.code().value(), col.code().value());
                        double actual = cell.getCellType() == CellType.FORMULA
                                ? evaluator.evaluate(cell).getNumberValue() : cell.getNumericCellValue();
                        assertEquals(expected.toSpreadsheet(), actual, 1e-6,
                                spec.sheet() + " " + line.code() + " × " + col.code());
                    }
                }
                spec.balance().ifPresent(b -> {
                    Sheet sheet = wb.getSheet(spec.sheet());
                    int col = Sheets.colOfColumn(sheet, "UB");
                    Cell check = sheet.getRow(new SheetLayout(spec).checkRow().orElseThrow()).getCell(col);
                    Amount diff = expected(spec, request.period(), spec.line(b.assets()).orElseThrow(),
                            spec.column(se.tertial.spec.ColumnCode.of("UB")).orElseThrow(), values)
                            .minus(expected(spec, request.period(), spec.line(b.equityAndLiabilities()).orElseThrow(),
                                    spec.column(se.tertial.spec.ColumnCode.of("UB")).orElseThrow(), values));
                    assertEquals(diff.toSpreadsheet(), evaluator.evaluate(check).getNumberValue(), 1e-6);
                });
            }
        }
    }

    private static void assertSheetOrder(Workbook wb, TemplateRequest request) {
        List<String> expected = new ArrayList<>();
        expected.add(WorkbookText.INSTRUCTIONS_SHEET);
        request.specs().forEach(s -> expected.add(s.sheet()));
        expected.add(Metadata.SHEET);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            actual.add(wb.getSheetName(i));
            SheetVisibility v = wb.getSheetVisibility(i);
            assertEquals(wb.getSheetName(i).equals(Metadata.SHEET) ? SheetVisibility.VERY_HIDDEN
                    : SheetVisibility.VISIBLE, v, wb.getSheetName(i));
        }
        assertEquals(expected, actual);
        assertEquals(0, wb.getActiveSheetIndex());
    }

    private static void assertMetadata(Workbook wb, TemplateRequest request) {
        Metadata m = Metadata.read(wb).orElseThrow();
        assertEquals(request.unit().code(), m.unit());
        assertEquals(request.period(), m.period());
        assertEquals(Requests.GENERATED, m.generatedAt());
        assertEquals("test", m.tertialVersion());
        assertEquals(request.specs().stream().map(s -> new Metadata.TemplateRef(s.id(), s.version(), s.sheet(),
                s.sha256())).toList(), m.templates());
        assertTrue(wb.getSheet(Metadata.SHEET).getProtect(), "metadata sheet protected");
    }

    private static void assertInstructions(Workbook wb, TemplateRequest request) {
        StringBuilder text = new StringBuilder();
        for (Row row : wb.getSheetAt(0)) {
            for (Cell c : row) {
                text.append(c.getStringCellValue()).append('\n');
            }
        }
        String all = text.toString();
        assertTrue(all.contains(request.unit().code() + " " + request.unit().name()), all);
        assertTrue(all.contains(request.namnd().name()), all);
        assertTrue(all.contains(CommonText.periodName(request.period())), all);
        assertTrue(all.contains("2022-09-09"), "deadline shown");
        assertTrue(all.contains("https://tertial.example.se/"), "upload address shown");
        assertTrue(all.contains("Intäkter anges positiva och kostnader negativa"), "sign convention shown");
        assertTrue(wb.getSheetAt(0).getProtect());
    }

    private static void assertCodesAndHeadings(Sheet sheet, TemplateSpec spec, PeriodCode period) {
        Row codes = sheet.getRow(SheetLayout.CODE_ROW);
        assertTrue(codes.getZeroHeight(), "code row hidden");
        assertEquals(SheetLayout.LINE_CODE_HEADER, codes.getCell(0).getStringCellValue());
        Row headings = sheet.getRow(SheetLayout.HEADING_ROW);
        assertFalse(headings.getZeroHeight());
        for (int i = 0; i < spec.columns().size(); i++) {
            ColumnSpec c = spec.columns().get(i);
            assertEquals(c.code().value(), codes.getCell(SheetLayout.FIRST_VALUE_COL + i).getStringCellValue());
            // Our own line breaks (HeadingFit) between the heading's words.
            assertEquals(c.headingFor(period), headings.getCell(SheetLayout.FIRST_VALUE_COL + i).getStringCellValue()
                    .replace('\n', ' '));
        }
        assertEquals(SheetLayout.FIRST_VALUE_COL + spec.columns().size(), codes.getLastCellNum());
        for (int i = 0; i < spec.lines().size(); i++) {
            LineSpec l = spec.lines().get(i);
            Row row = sheet.getRow(SheetLayout.FIRST_LINE_ROW + i);
            assertEquals(l.code().value(), row.getCell(0).getStringCellValue());
            assertTrue(row.getCell(1).getStringCellValue().startsWith(l.label()));
        }
    }

    /** Formulas exactly where the spec computes; only input cells unlocked; the sheet protected. */
    static void assertProtection(Sheet sheet, TemplateSpec spec, PeriodCode period, Prefill prefill) {
        assertTrue(sheet.getProtect(), sheet.getSheetName() + " protected");
        Set<String> inputs = new HashSet<>();
        for (LineSpec line : spec.lines()) {
            for (ColumnSpec col : spec.columns()) {
                Cell cell = Sheets.cell(sheet.getWorkbook(), spec.sheet(), line.code().value(), col.code().value());
                boolean formula = col.isFormulaIn(period) || (line.kind() == LineKind.SUM && col.kind().isNumeric());
                boolean input = col.kind() == ColumnKind.TEXT
                        || (!formula && !prefill.isPrefilled(spec.id(), col.code()));
                String where = spec.sheet() + "!" + cell.getAddress();
                assertEquals(formula, cell.getCellType() == CellType.FORMULA, where + " formula");
                assertEquals(!input, cell.getCellStyle().getLocked(), where + " locked");
                if (input) {
                    inputs.add(cell.getAddress().formatAsString());
                }
            }
        }
        for (Row row : sheet) {
            for (Cell c : row) {
                if (!c.getCellStyle().getLocked()) {
                    assertTrue(inputs.contains(c.getAddress().formatAsString()),
                            "unexpected unlocked cell " + c.getAddress());
                }
            }
        }
    }

    private static void assertSetUp(Sheet sheet, TemplateSpec spec) {
        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane, "frozen panes");
        assertTrue(pane.isFreezePane());
        assertEquals(SheetLayout.FIRST_LINE_ROW, pane.getHorizontalSplitPosition());
        assertEquals(SheetLayout.FIRST_VALUE_COL, pane.getVerticalSplitPosition());
        PrintSetup print = sheet.getPrintSetup();
        assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
        assertTrue(print.getLandscape());
        assertEquals(2, print.getFitWidth(), "two pages wide, each readable (issue 24: no page below 70 %)");
        assertEquals(0, print.getFitHeight());
        assertTrue(sheet.getFitToPage());
        assertEquals(CellRangeAddress.valueOf("1:2").formatAsString(), sheet.getRepeatingRows().formatAsString());
        assertEquals(CellRangeAddress.valueOf("A:B").formatAsString(), sheet.getRepeatingColumns().formatAsString(),
                "the line's code and label on every page");
        for (ColumnSpec c : spec.columns()) {
            // The spec's width is the least; a column is wider where its heading's longest word needs it.
            int width = sheet.getColumnWidth(new SheetLayout(spec).col(c));
            assertTrue(width >= c.width() * 256 && width <= (c.width() + 12) * 256, c.code() + " is " + width);
        }
        if (sheet.getWorkbook() instanceof XSSFWorkbook x) {
            assertTrue(x.isStructureLocked());
        }
    }

    private static void assertValidations(Sheet sheet, TemplateSpec spec, PeriodCode period) {
        Set<String> validated = new HashSet<>();
        for (DataValidation v : sheet.getDataValidations()) {
            if (v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.DECIMAL) {
                assertTrue(v.getShowErrorBox());
                assertEquals(WorkbookText.VALIDATION_AMOUNT_TEXT, v.getErrorBoxText());
                for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                    r.forEach(a -> validated.add(a.formatAsString()));
                }
            }
        }
        for (LineSpec line : spec.lines()) {
            for (ColumnSpec col : spec.columns()) {
                Cell cell = Sheets.cell(sheet.getWorkbook(), spec.sheet(), line.code().value(), col.code().value());
                boolean numberInput = col.kind().isNumeric() && !cell.getCellStyle().getLocked();
                assertEquals(numberInput, validated.contains(cell.getAddress().formatAsString()),
                        "decimal validation on " + cell.getAddress());
                if (numberInput) {
                    assertEquals(TemplateStyle.Format.AMOUNT.pattern, cell.getCellStyle().getDataFormatString());
                }
            }
        }
    }

    /** Fills every unlocked number cell with an amount of the line's expected sign; returns them by "LINE/COL". */
    private static Map<String, Amount> fillInputs(Workbook wb, TemplateSpec spec, PeriodCode period, Random random) {
        Map<String, Amount> values = new HashMap<>();
        for (LineSpec line : spec.lines()) {
            for (ColumnSpec col : spec.columns()) {
                Cell cell = Sheets.cell(wb, spec.sheet(), line.code().value(), col.code().value());
                if (!col.kind().isNumeric() || cell.getCellStyle().getLocked()) {
                    continue;
                }
                long kronor = random.nextInt(2_000_000_000) * (line.sign() == Sign.MINUS ? -1L : 1L);
                Amount a = Amount.ofKronor(kronor);
                cell.setCellValue(a.toSpreadsheet());
                values.put(line.code() + "/" + col.code(), a);
            }
        }
        return values;
    }

    /** What a cell must compute, from the spec alone and exact arithmetic. */
    private static Amount expected(TemplateSpec spec, PeriodCode period, LineSpec line, ColumnSpec col,
                                   Map<String, Amount> values) {
        if (col.isFormulaIn(period)) {
            if (col.kind() == ColumnKind.FORECAST) {
                return expected(spec, period, line, spec.column(col.sameAs().orElseThrow()).orElseThrow(), values);
            }
            Amount sum = Amount.ZERO;
            for (Term<se.tertial.spec.ColumnCode> t : col.formula()) {
                sum = sum.plus(expected(spec, period, line, spec.column(t.code()).orElseThrow(), values)
                        .times(t.factor()));
            }
            return sum;
        }
        if (line.kind() == LineKind.SUM) {
            Amount sum = Amount.ZERO;
            for (Term<se.tertial.spec.LineCode> t : line.sum()) {
                sum = sum.plus(expected(spec, period, spec.line(t.code()).orElseThrow(), col, values)
                        .times(t.factor()));
            }
            return sum;
        }
        return values.getOrDefault(line.code() + "/" + col.code(), Amount.ZERO);
    }
}
