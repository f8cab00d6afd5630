package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.spec.Finding;
import se.tertial.spec.CommonText;
import se.tertial.spec.FindingText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.Severity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns the uploader's own workbook with every finding marked: the cell filled red (error) or amber (warning), a
 * note on it with the message, and a first sheet {@code Fel och varningar} listing every finding with a link to its
 * cell. Every text is written as a plain string, never as a formula.
 */
public final class Annotator {
    public static final String SHEET = "Fel och varningar";

    private Annotator() {}

    /** Larger workbooks are not opened for editing: the findings in JSON say everything. */
    static final long MAX_CELLS = 200_000;

    public static byte[] annotate(Path original, List<Finding> findings) throws UnreadableWorkbookException {
        return annotate(original, findings, TemplateFormulas.none());
    }

    /**
     * @param ours the formulas tertial wrote; every other formula in the copy becomes its text, and every link of
     *             the uploader's is removed, so the copy handed to finance runs nothing of the uploader's
     */
    public static byte[] annotate(Path original, List<Finding> findings, TemplateFormulas ours)
            throws UnreadableWorkbookException {
        try (OpenedWorkbook checked = WorkbookReader.open(original)) {
            // The same safety checks as the ingest, and a cheap streamed count of every sheet's cells before the
            // editable copy is built in memory.
            long cells = 0;
            for (String name : checked.sheetNames()) {
                cells += checked.sheet(name, new ReadArea(1, 1)).map(g -> g.outside() + 1).orElse(0L);
                if (cells > MAX_CELLS) {
                    throw new UnreadableWorkbookException(UnreadableWorkbookException.Reason.TOO_LARGE,
                            FindingText.annotationTooLarge(MAX_CELLS), null);
                }
            }
        } catch (Deadline.Exceeded e) {
            throw new UnreadableWorkbookException(UnreadableWorkbookException.Reason.TOO_LARGE,
                    FindingText.annotationTooLarge(MAX_CELLS), e);
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(original)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (wb instanceof XSSFWorkbook x) {
                x.unLockStructure();
            }
            neutralize(wb, ours);
            recalculate(wb);
            List<Finding> marked = new ArrayList<>(findings);
            marked.addAll(DependentSums.of(wb, findings));
            mark(wb, marked);
            list(wb, findings);
            PrintLayout.everyVisibleSheet(wb, WorkbookText.ANNOTATED_TITLE);
            wb.write(out);
            return wb instanceof XSSFWorkbook ? VmlIds.renumber(out.toByteArray()) : out.toByteArray();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnreadableWorkbookException(UnreadableWorkbookException.Reason.CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    /** Formulas not tertial's become their text (shown with a leading '=', never run); links are removed. */
    private static void neutralize(Workbook wb, TemplateFormulas ours) {
        CellStyle[] quoted = new CellStyle[wb.getNumCellStyles()];
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet sheet = wb.getSheetAt(i);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getHyperlink() != null) {
                        cell.removeHyperlink();
                    }
                    if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        continue;
                    }
                    String formula;
                    try {
                        formula = cell.getCellFormula();
                    } catch (RuntimeException e) {
                        formula = "?";
                    }
                    if (ours.allows(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), formula)) {
                        continue;
                    }
                    CellStyle base = cell.getCellStyle();
                    cell.setBlank();
                    cell.setCellValue("=" + formula);
                    int idx = base.getIndex();
                    if (idx < quoted.length && quoted[idx] == null) {
                        CellStyle q = wb.createCellStyle();
                        q.cloneStyleFrom(base);
                        q.setQuotePrefixed(true);
                        quoted[idx] = q;
                    }
                    cell.setCellStyle(idx < quoted.length ? quoted[idx] : base);
                }
            }
        }
    }

    /**
     * The copy carries tertial's formulas only (every other one is text by now), so evaluating them is bounded and
     * safe; their results replace whatever the upload cached (an openpyxl file has none, a hand-edited .xls may
     * have wrong ones), so Protected View and readers that do not recalculate show the right sums.
     */
    private static void recalculate(Workbook wb) {
        org.apache.poi.ss.usermodel.FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        ev.setIgnoreMissingWorkbooks(true);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            for (Row row : wb.getSheetAt(i)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        try {
                            ev.evaluateFormulaCell(cell);
                        } catch (RuntimeException | StackOverflowError e) {
                            // a formula POI cannot evaluate keeps its cached result; Excel recalculates on open
                        }
                    }
                }
            }
        }
    }

    private static void mark(Workbook wb, List<Finding> findings) {
        Map<String, List<Finding>> byCell = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.sheet() != null && f.cell() != null && wb.getSheet(f.sheet()) != null) {
                byCell.computeIfAbsent(f.sheet() + "!" + f.cell(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, CellStyle> styles = new HashMap<>();
        CreationHelper factory = wb.getCreationHelper();
        Map<String, Drawing<?>> drawings = new HashMap<>();
        for (List<Finding> here : byCell.values()) {
            Finding first = here.get(0);
            Sheet sheet = wb.getSheet(first.sheet());
            CellReference ref = new CellReference(first.cell());
            Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
            boolean error = here.stream().anyMatch(Finding::isError);
            CellStyle base = cell.getCellStyle();
            cell.setCellStyle(styles.computeIfAbsent(base.getIndex() + (error ? "E" : "W"), k -> {
                CellStyle s = wb.createCellStyle();
                s.cloneStyleFrom(base);
                s.setFillForegroundColor((error ? IndexedColors.CORAL : IndexedColors.LIGHT_ORANGE).getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return s;
            }));
            if (cell.getCellComment() != null) {
                cell.removeCellComment();
            }
            Drawing<?> drawing = drawings.computeIfAbsent(sheet.getSheetName(), n -> sheet.getDrawingPatriarch() != null
                    ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch());
            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(ref.getCol() + 1);
            anchor.setCol2(ref.getCol() + 6);
            anchor.setRow1(ref.getRow());
            anchor.setRow2(ref.getRow() + 3 + 2 * here.size());
            Comment comment = drawing.createCellComment(anchor);
            StringBuilder text = new StringBuilder();
            for (Finding f : here) {
                text.append(text.length() == 0 ? "" : "\n").append(label(f.severity())).append(": ")
                        .append(f.message());
            }
            comment.setString(factory.createRichTextString(text.toString()));
            comment.setAuthor("tertial");
            cell.setCellComment(comment);
        }
    }

    private static void list(Workbook wb, List<Finding> findings) {
        int existing = wb.getSheetIndex(SHEET);
        if (existing >= 0) {
            wb.removeSheetAt(existing);
        }
        Sheet sheet = wb.createSheet(SHEET);
        wb.setSheetOrder(SHEET, 0);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == 0);
        }
        wb.setActiveSheet(0);
        wb.setFirstVisibleTab(0);
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle top = wb.createCellStyle();
        top.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle link = wb.createCellStyle();
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link.setFont(blue);
        link.setVerticalAlignment(VerticalAlignment.TOP);
        Row head = sheet.createRow(0);
        String[] headings = WorkbookText.ANNOTATION_HEADINGS.toArray(new String[0]);
        for (int i = 0; i < headings.length; i++) {
            Cell c = head.createCell(i);
            c.setCellValue(headings[i]);
            c.setCellStyle(bold);
        }
        int r = 1;
        for (Finding f : findings) {
            Row row = sheet.createRow(r++);
            text(row, 0, label(f.severity()), top);
            text(row, 1, f.sheet(), top);
            Cell at = text(row, 2, f.cell(), top);
            if (f.sheet() != null && f.cell() != null && wb.getSheet(f.sheet()) != null) {
                Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress("'" + f.sheet().replace("'", "''") + "'!" + f.cell());
                at.setHyperlink(h);
                at.setCellStyle(link);
            }
            text(row, 3, lineLabel(wb, f), wrap);
            text(row, 4, FindingText.ruleName(f.rule()), wrap);
            text(row, 5, f.message(), wrap);
            // For scripts: the codes, in columns a person does not see or print.
            text(row, 6, f.line(), top);
            text(row, 7, f.column(), top);
            text(row, 8, f.rule(), top);
        }
        int[] widths = {8, 12, 7, 22, 20, 64, 18, 14, 24};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        for (int i = 6; i < widths.length; i++) {
            sheet.setColumnHidden(i, true);
        }
        // A wrapped message needs a row as tall as its lines (BIFF8 does not grow rows by itself): the part
        // saying where ("Blad …, cell …") must be visible and printed.
        for (int i = 0; i < findings.size(); i++) {
            int lines = Math.max(1, (int) Math.ceil(findings.get(i).message().length() / 60.0));
            sheet.getRow(i + 1).setHeightInPoints(15f * lines + 2);
        }
        sheet.createFreezePane(0, 1);
        PrintLayout.a4LandscapeFitToWidth(sheet);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, 0, -1, -1));
    }

    private static String label(Severity s) {
        return s == Severity.ERROR ? CommonText.SEVERITY_ERROR : CommonText.SEVERITY_WARNING;
    }

    /** A text cell; nothing (a blank cell) for no value. */
    private static Cell text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null && !value.isEmpty()) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
        return c;
    }

    /**
     * The label of the finding's line as the workbook itself shows it: the first text on the finding's row that is
     * not the line's code (the template's label column); the code when the row has none.
     */
    private static String lineLabel(Workbook wb, Finding f) {
        if (f.line() == null || f.sheet() == null || f.cell() == null || wb.getSheet(f.sheet()) == null) {
            return f.line();
        }
        Row row = wb.getSheet(f.sheet()).getRow(new CellReference(f.cell()).getRow());
        if (row == null) {
            return f.line();
        }
        for (int c = 0; c < 4; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                String v = cell.getStringCellValue().strip();
                if (!v.isEmpty() && !v.equals(f.line())) {
                    return v;
                }
            }
        }
        return f.line();
    }
}
