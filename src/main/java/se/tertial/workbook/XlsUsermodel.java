package se.tertial.workbook;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import se.tertial.spec.FindingText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.ENCRYPTED;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.MACROS;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.NOT_A_WORKBOOK;

/**
 * A legacy .xls (BIFF8) read with POI's HSSF usermodel, which holds the whole (at most upload-sized) file in memory.
 * Encrypted workbooks are refused before POI would decrypt them — including those encrypted with Excel's default
 * password, which POI opens silently. Cells are read one by one, each in its own guard, since HSSF parses formulas
 * lazily; formulas are never evaluated, their stored results are used.
 */
final class XlsUsermodel extends OpenedWorkbook {
    private static final int FILEPASS = 0x002F;
    private static final int BOF = 0x0809;
    private static final int EOF = 0x000A;
    private final HSSFWorkbook wb;
    private final Optional<Instant> savedAt;

    private XlsUsermodel(HSSFWorkbook wb, ReadLimits limits, Deadline deadline) {
        super(WorkbookFormat.XLS, limits, deadline);
        this.wb = wb;
        Optional<Instant> saved = Optional.empty();
        try {
            var info = wb.getSummaryInformation();
            if (info != null) {
                java.util.Date d = info.getLastSaveDateTime() != null ? info.getLastSaveDateTime()
                        : info.getCreateDateTime();
                saved = Optional.ofNullable(d).map(java.util.Date::toInstant);
            }
        } catch (RuntimeException e) {
            // a broken property set only loses the save date
        }
        this.savedAt = saved;
    }

    static OpenedWorkbook open(Path file, ReadLimits limits, Deadline deadline) throws UnreadableWorkbookException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new UnreadableWorkbookException(ENCRYPTED, FindingText.FILE_ENCRYPTED, null);
            }
            if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT")) {
                throw new UnreadableWorkbookException(MACROS, FindingText.FILE_MACROS, null);
            }
            String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("WORKBOOK") ? "WORKBOOK"
                    : root.hasEntry("Book") ? "Book" : null;
            if (stream == null) {
                throw new UnreadableWorkbookException(NOT_A_WORKBOOK, FindingText.FILE_NOT_A_WORKBOOK, null);
            }
            if (hasFilePass(root, stream)) {
                throw new UnreadableWorkbookException(ENCRYPTED, FindingText.FILE_ENCRYPTED, null);
            }
            deadline.check();
            // HSSFWorkbook reads everything it needs into memory; the file system can close after.
            return new XlsUsermodel(new HSSFWorkbook(root, true), limits, deadline);
        } catch (UnreadableWorkbookException | Deadline.Exceeded e) {
            throw e;
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new UnreadableWorkbookException(ENCRYPTED, FindingText.FILE_ENCRYPTED, e);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    /**
     * Whether the workbook globals carry a FILEPASS record, i.e. the file is encrypted (RC4 or XOR), whatever the
     * password. The records before it are never encrypted, so walking the record headers is enough.
     */
    static boolean hasFilePass(DirectoryNode root, String stream) throws IOException {
        try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
            byte[] header = new byte[4];
            for (int n = 0; n < 4096; n++) {
                if (in.read(header) < 4) {
                    return false;
                }
                int sid = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
                int len = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
                if (sid == FILEPASS) {
                    return true;
                }
                if (sid == EOF || (n > 0 && sid == BOF)) {
                    return false;
                }
                if (in.skip(len) < len) {
                    return false;
                }
            }
            return false;
        }
    }

    @Override
    public Optional<Instant> savedAt() {
        return savedAt;
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        return names;
    }

    @Override
    public Optional<SheetGrid> sheet(String name, ReadArea area) throws UnreadableWorkbookException {
        try {
            Sheet sheet = wb.getSheet(name);
            if (sheet == null || !sheet.getSheetName().equals(name)) {
                return Optional.empty();
            }
            return Optional.of(read(sheet, name, area));
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    private SheetGrid read(Sheet sheet, String name, ReadArea area) {
        Map<Long, CellValue> cells = new HashMap<>();
        int lastRow = -1;
        int lastCol = -1;
        long outside = 0;
        String firstOutside = null;
        for (Row row : sheet) {
            deadline.check();
            for (Cell cell : row) {
                CellValue v = value(cell);
                if (v instanceof CellValue.Blank) {
                    continue;
                }
                int r = cell.getRowIndex();
                int c = cell.getColumnIndex();
                if (!area.contains(r, c)) {
                    outside++;
                    firstOutside = firstOutside == null ? SheetLayout.address(r, c) : firstOutside;
                    continue;
                }
                cells.put(SheetGrid.key(r, c), v);
                lastRow = Math.max(lastRow, r);
                lastCol = Math.max(lastCol, c);
            }
        }
        return new SheetGrid(name, cells, lastRow, lastCol, outside, firstOutside);
    }

    private CellValue value(Cell cell) {
        try {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) {
                String formula;
                try {
                    formula = cell.getCellFormula();
                } catch (RuntimeException e) {
                    formula = "?"; // a token POI cannot parse: it matches no formula of ours
                }
                return new CellValue.Formula(formula, plain(cell, cell.getCachedFormulaResultType()));
            }
            return plain(cell, type);
        } catch (RuntimeException e) {
            return new CellValue.Unreadable(FindingText.CELL_UNREADABLE);
        }
    }

    private CellValue plain(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> Double.isFinite(cell.getNumericCellValue()) ? new CellValue.Number(cell.getNumericCellValue())
                    : new CellValue.Unreadable(Double.toString(cell.getNumericCellValue()));
            case STRING -> {
                String s = cell.getStringCellValue();
                yield s.length() > limits.maxCellChars() ? new CellValue.Unreadable(FindingText.CELL_TOO_LONG)
                        : new CellValue.Text(s);
            }
            case BOOLEAN -> new CellValue.Bool(cell.getBooleanCellValue());
            case ERROR -> new CellValue.Error(errorCode(cell.getErrorCellValue()));
            default -> CellValue.BLANK;
        };
    }

    private static String errorCode(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#FEL";
        }
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            // read from memory; nothing to flush
        }
    }

    @Override
    public void verifyWhole() {
        // HSSF read every record of the file when it opened it
    }
}
