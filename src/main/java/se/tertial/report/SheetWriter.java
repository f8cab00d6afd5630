package se.tertial.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import se.tertial.money.Amount;
import se.tertial.spec.HeadingFit;
import se.tertial.spec.ReportText;

import java.util.List;
import java.util.Optional;

/**
 * Shared layout of every report sheet: a title, the units whose data is missing or rejected (a report is never
 * silently incomplete), the heading row, then data. Formula cells carry the exactly computed figure as their cached
 * value, so programs that do not recalculate on open still show it.
 */
final class SheetWriter {
    static final int HEADING_ROW = 4;
    static final int FIRST_ROW = 5;
    /** The tallest row Excel shows. */
    static final float MAX_ROW_POINTS = 409;

    final Sheet sheet;
    final ReportStyles styles;
    private final int[] widths;

    SheetWriter(Sheet sheet, ReportStyles styles, String title, Figures f, List<String> headings, int[] widths) {
        this(sheet, styles, title, f, headings, widths, false);
    }

    /** With {@code table}, the headings stay on one line: they are the column names of an Excel table. */
    SheetWriter(Sheet sheet, ReportStyles styles, String title, Figures f, List<String> headings, int[] widths,
                boolean table) {
        this.sheet = sheet;
        this.styles = styles;
        // Headings get our own line breaks and columns wide enough for their longest word (HeadingFit), so no
        // renderer splits a word or runs one heading into the next.
        widths = widths.clone();
        Row h = row(HEADING_ROW);
        int lines = 2;
        for (int i = 0; i < headings.size(); i++) {
            int min = i < widths.length ? widths[i] : 10;
            HeadingFit fit = table ? HeadingFit.oneLine(headings.get(i), min) : HeadingFit.of(headings.get(i), min);
            Cell c = h.createCell(i);
            c.setCellValue(fit.text());
            c.setCellStyle(i == 0 ? styles.headingLeft : styles.heading);
            if (i < widths.length) {
                widths[i] = fit.width();
            }
            lines = Math.max(lines, fit.lines());
        }
        h.setHeightInPoints(HeadingFit.rowHeight(lines));
        this.widths = widths;
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        text(0, 0, title, styles.title);
        note(1, f.missing().isEmpty() ? ReportText.REPORT_COMPLETE : ReportText.reportMissing(f.missing()), widths);
        if (!f.rejected().isEmpty()) {
            note(2, ReportText.reportRejected(f.rejected()), widths);
        }
        if (!f.notApproved().isEmpty()) {
            note(3, ReportText.reportNotApproved(f.notApproved(), f.approvedOnly()), widths);
        }
        sheet.createFreezePane(1, FIRST_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    /**
     * A note across the whole printed width ("Underlag saknas för: …"), wrapped, its row as tall as its lines, so
     * the list of missing units is read in full on screen and on paper.
     */
    private void note(int r, String text, int[] widths) {
        text(r, 0, text, styles.note);
        int chars = 0;
        for (int w : widths) {
            chars += w;
        }
        if (widths.length > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, widths.length - 1));
        }
        int lines = Math.max(1, (int) Math.ceil(text.length() * 1.1 / Math.max(20, chars)));
        // Excel's tallest row is 409 points (about 29 lines): a longer list (hundreds of units not yet approved)
        // shows its first lines; the report page and the status board list every unit.
        row(r).setHeightInPoints(Math.min(MAX_ROW_POINTS, 14f * lines + 2));
    }

    /** A note under the data, across the printed width (e.g. why last year's columns compare other units). */
    void noteBelow(int r, String text) {
        note(r, text, widths);
    }

    /**
     * Headings of text columns sit left, over their values, like the first column's; one right of a right-aligned
     * heading is indented (and its values should be too), so the two headings never run together.
     */
    void alignHeadingsLeft(int... columns) {
        java.util.Set<Integer> left = new java.util.HashSet<>();
        left.add(0); // the first column's heading is always left, like its values
        for (int c : columns) {
            left.add(c);
        }
        for (int c : columns) {
            Cell cell = row(HEADING_ROW).getCell(c);
            if (cell != null) {
                boolean afterRight = c > 0 && !left.contains(c - 1);
                cell.setCellStyle(afterRight ? styles.headingText : styles.headingLeft);
            }
        }
    }

    Row row(int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    void text(int r, int c, String value, CellStyle style) {
        Cell cell = row(r).createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A formula whose value is the figure (in mnkr); a blank cell when the figure is empty. */
    void formula(int r, int c, Optional<Amount> figure, String formula, CellStyle style) {
        Cell cell = row(r).createCell(c);
        cell.setCellStyle(style);
        if (figure.isPresent()) {
            cell.setCellFormula(formula);
            cell.setCellValue(figure.get().mnkr().doubleValue());
        }
    }

    /** A plain number (mnkr), for figures that come from other periods than the report's. */
    void value(int r, int c, Optional<Amount> figure, CellStyle style) {
        Cell cell = row(r).createCell(c);
        cell.setCellStyle(style);
        figure.ifPresent(a -> cell.setCellValue(a.mnkr().doubleValue()));
    }

    /** "'Resultaträkning'!B7" */
    static String ref(String sheet, int r, int c) {
        return "'" + sheet.replace("'", "''") + "'!" + new CellReference(r, c, false, false).formatAsString();
    }

    static String ref(int r, int c) {
        return new CellReference(r, c, false, false).formatAsString();
    }
}
