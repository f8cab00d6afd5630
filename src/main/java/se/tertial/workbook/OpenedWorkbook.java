package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workbook opened for reading: its format, metadata and sheets as {@link SheetGrid}s. */
public final class OpenedWorkbook implements AutoCloseable {
    /** Sheets larger than this are read only this far; our templates use a few dozen rows. */
    static final int MAX_ROWS = 5_000;
    static final int MAX_COLS = 256;

    private final Workbook wb;
    private final WorkbookFormat format;
    private final FormulaEvaluator evaluator;

    private final Optional<java.time.Instant> savedAt;

    /** Reads what is read lazily (the .xls property sets) now, while the file is still open. */
    OpenedWorkbook(Workbook wb, WorkbookFormat format) {
        this.wb = wb;
        this.format = format;
        this.savedAt = readSavedAt(wb);
        this.evaluator = wb.getCreationHelper().createFormulaEvaluator();
        this.evaluator.setIgnoreMissingWorkbooks(true);
    }

    public WorkbookFormat format() {
        return format;
    }

    /** The key/value pairs of the {@code _tertial} sheet; empty if there is none. */
    public Optional<Map<String, String>> metadata() {
        return Metadata.readMap(wb);
    }

    /** When the workbook was last saved (else created), per its own document properties. */
    public Optional<java.time.Instant> savedAt() {
        return savedAt;
    }

    private static Optional<java.time.Instant> readSavedAt(Workbook wb) {
        java.util.Date d = null;
        if (wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x) {
            var core = x.getProperties().getCoreProperties();
            d = core.getModified() != null ? core.getModified() : core.getCreated();
        } else if (wb instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h && h.getSummaryInformation() != null) {
            var info = h.getSummaryInformation();
            d = info.getLastSaveDateTime() != null ? info.getLastSaveDateTime() : info.getCreateDateTime();
        }
        return Optional.ofNullable(d).map(java.util.Date::toInstant);
    }

    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        return names;
    }

    /** Reads a sheet by exact name; formulas are evaluated now, with POI, ignoring cached results. */
    public Optional<SheetGrid> sheet(String name) {
        Sheet sheet = wb.getSheet(name);
        if (sheet == null || !sheet.getSheetName().equals(name)) {
            return Optional.empty();
        }
        Map<Long, CellValue> cells = new HashMap<>();
        int lastRow = -1;
        int lastCol = -1;
        for (Row row : sheet) {
            if (row.getRowNum() >= MAX_ROWS) {
                break;
            }
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= MAX_COLS) {
                    break;
                }
                CellValue v = value(cell);
                if (!(v instanceof CellValue.Blank)) {
                    cells.put(SheetGrid.key(cell.getRowIndex(), cell.getColumnIndex()), v);
                    lastRow = Math.max(lastRow, cell.getRowIndex());
                    lastCol = Math.max(lastCol, cell.getColumnIndex());
                }
            }
        }
        return Optional.of(new SheetGrid(name, cells, lastRow, lastCol));
    }

    private CellValue value(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> new CellValue.Number(cell.getNumericCellValue());
            case STRING -> new CellValue.Text(cell.getStringCellValue());
            case BOOLEAN -> new CellValue.Bool(cell.getBooleanCellValue());
            case ERROR -> new CellValue.Error(FormulaError.forInt(cell.getErrorCellValue()).getString());
            case FORMULA -> new CellValue.Formula(cell.getCellFormula(), evaluate(cell));
            default -> CellValue.BLANK;
        };
    }

    private CellValue evaluate(Cell cell) {
        try {
            org.apache.poi.ss.usermodel.CellValue v = evaluator.evaluate(cell);
            if (v == null) {
                return CellValue.BLANK;
            }
            return switch (v.getCellType()) {
                case NUMERIC -> new CellValue.Number(v.getNumberValue());
                case STRING -> new CellValue.Text(v.getStringValue());
                case BOOLEAN -> new CellValue.Bool(v.getBooleanValue());
                case ERROR -> new CellValue.Error(FormulaError.forInt(v.getErrorValue()).getString());
                default -> CellValue.BLANK;
            };
        } catch (RuntimeException | StackOverflowError e) {
            // Unsupported functions, external links, absurd nesting: the value is unknown, not a crash.
            return new CellValue.Error("#EVAL");
        }
    }

    /** Exposed to the annotator in this package, which writes into the same workbook. */
    Workbook poi() {
        return wb;
    }

    @Override
    public void close() {
        try {
            if (wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x) {
                x.getPackage().revert(); // opened read-only: discard, never write back to the upload
            } else {
                wb.close();
            }
        } catch (IOException e) {
            // Opened read-only from a temp file; nothing to flush.
        }
    }
}
