package se.tertial.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.tertial.spec.HeadingFit;
import se.tertial.spec.ReportText;
import se.tertial.spec.ReportSpec;
import se.tertial.spec.SpecCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two sheets written last because they refer to the statements cell by cell: Nyckeltal (each key ratio a formula
 * over Resultaträkning and Balansräkning) and Kontroller (each identity that must hold, with its difference as a
 * formula and its status in words, and the units still missing on the row below).
 */
final class CrossSheets {
    private final SXSSFWorkbook wb;
    private final ReportStyles styles;
    private final SpecCatalog catalog;
    private final ReportSpec spec;
    private final Figures f;
    private final UnderlagSheet underlag;
    private final Map<String, Integer> rrRows;
    private final Map<String, Integer> brRows;
    private final int namndTotalRow;

    /** {@code rrRows}, {@code brRows}: each statement line's row; {@code namndTotalRow}: the nämnder's total row. */
    CrossSheets(SXSSFWorkbook wb, ReportStyles styles, SpecCatalog catalog, Figures f, UnderlagSheet underlag,
                Map<String, Integer> rrRows, Map<String, Integer> brRows, int namndTotalRow) {
        this.wb = wb;
        this.styles = styles;
        this.catalog = catalog;
        this.spec = catalog.report();
        this.f = f;
        this.underlag = underlag;
        this.rrRows = rrRows;
        this.brRows = brRows;
        this.namndTotalRow = namndTotalRow;
    }

    void nyckeltal() {
        SheetWriter w = new SheetWriter(wb.createSheet(ReportWorkbook.NYCKELTAL), styles, ReportText.nyckeltalTitle(f.period()), f,
                ReportText.nyckeltalHeadings(f.period()), new int[] {70, 18, 60});
        int r = SheetWriter.FIRST_ROW;
        for (int i = 0; i < f.nyckeltal().size(); i++) {
            Figures.Ratio ratio = f.nyckeltal().get(i);
            ReportSpec.KeyRatio k = spec.nyckeltal().get(i);
            w.text(r, 0, k.kind() == ReportSpec.RatioKind.AMOUNT ? ReportText.inMnkr(ratio.label()) : ratio.label(),
                    styles.label);
            var cell = w.row(r).createCell(1);
            if (ratio.value().isPresent()) {
                String formula = switch (k.kind()) {
                    case AMOUNT -> refs(k.numerator(), false);
                    case RATIO -> "(" + refs(k.numerator(), false) + ")/(" + refs(k.denominator(), false) + ")";
                    case GROWTH -> "(" + refs(k.numerator(), false) + ")/(" + refs(k.numerator(), true) + ")-1";
                };
                cell.setCellFormula(formula);
                cell.setCellValue(k.kind() == ReportSpec.RatioKind.AMOUNT
                        ? ratio.value().get().movePointLeft(3).doubleValue() : ratio.value().get().doubleValue());
            }
            cell.setCellStyle(k.kind() == ReportSpec.RatioKind.AMOUNT ? styles.amount(ReportStyles.MNKR, false)
                    : styles.amount(ReportStyles.PERCENT, false));
            if (ratio.note().isPresent()) {
                w.text(r, 2, ratio.note().get(), styles.note);
                w.row(r).setHeightInPoints(14f * (float) Math.ceil(ratio.note().get().length() / 55.0) + 2);
            }
            r++;
        }
    }

    private String refs(List<ReportSpec.Ref> refs, boolean lastYear) {
        StringBuilder s = new StringBuilder();
        for (ReportSpec.Ref ref : refs) {
            String cell = ref.balance() ? SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(ref.code()), lastYear ? 2 : 1)
                    : SheetWriter.ref(ReportWorkbook.RESULTATRAKNING, rrRows.get(ref.code()), lastYear ? 4 : 1);
            s.append(ref.negated() ? "-" : s.length() == 0 ? "" : "+").append(cell);
        }
        return s.toString();
    }

    void kontroller() {
        ReportSpec.Resultatrakning rr = spec.resultatrakning();
        ReportSpec.Balansrakning b = spec.balansrakning();
        SheetWriter w = new SheetWriter(wb.createSheet(ReportWorkbook.KONTROLLER), styles, ReportText.kontrollerTitle(f.period()), f,
                ReportText.KONTROLLER_HEADINGS, new int[] {90, 16, STATUS_WIDTH});
        w.alignHeadingsLeft(2);
        CellStyle dev = styles.amount("+#,##0.000;\"−\"#,##0.000;0", false);
        int r = SheetWriter.FIRST_ROW;
        String internalOutcome = internalTrade(rr, rr.outcome().value());
        String internalDeviation = internalTrade(rr, rr.deviation().value());
        for (Figures.Check c : f.kontroller()) {
            // Long check labels wrap within the printed width, their row as tall as their lines.
            w.text(r, 0, c.label(), styles.text);
            w.row(r).setHeightInPoints(lineHeight(c.label(), 90));
            String formula = switch (c.code()) {
                case "INTERNHANDEL" -> internalOutcome;
                case "BALANS" -> SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(b.assets().value()), 1) + "-"
                        + SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(b.equityAndLiabilities().value()), 1);
                case "ARETS_RESULTAT" -> SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(b.yearResult().value()), 1) + "-"
                        + SheetWriter.ref(ReportWorkbook.RESULTATRAKNING, rrRows.get(b.resultRow()), 1);
                case "INGAENDE_EK" -> SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(b.openingEquity().value()), 1) + "-"
                        + SheetWriter.ref(ReportWorkbook.BALANSRAKNING, brRows.get(b.equity().value()), 2);
                case "PROGNOS_IDENTITET" -> SheetWriter.ref(ReportWorkbook.NAMNDSAVVIKELSER, namndTotalRow, 2) + "-"
                        + SheetWriter.ref(ReportWorkbook.RESULTATRAKNING, rrRows.get(rr.netCostRow()), 3) + "-" + internalDeviation;
                default -> null;
            };
            if (formula == null) {
                w.text(r, 2, c.ok() ? ReportText.CHECK_OK : ReportText.CHECK_INCOMPLETE, styles.status);
                if (!c.ok()) {
                    // The units missing, on the row below across the sheet, wrapped: never cut off in a narrow cell.
                    r++;
                    List<String> parts = new ArrayList<>();
                    if (!f.missing().isEmpty()) {
                        parts.add(ReportText.reportMissing(f.missing()));
                    }
                    if (c.code().equals("GODKANNANDE") && !f.notApproved().isEmpty()) {
                        parts.add(ReportText.reportNotApproved(f.notApproved(), f.approvedOnly()));
                    }
                    String list = String.join(". ", parts);
                    w.text(r, 0, list, styles.text);
                    w.sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, 2));
                    w.row(r).setHeightInPoints(lineHeight(list, 90 + 16 + STATUS_WIDTH));
                }
            } else if (c.difference().isPresent()) {
                w.formula(r, 1, c.difference(), formula, dev);
                var status = w.row(r).createCell(2);
                status.setCellFormula("IF(ABS(" + SheetWriter.ref(r, 1) + ")<0.001,\"" + ReportText.CHECK_OK + "\",\""
                        + ReportText.CHECK_FAILED + "\")");
                status.setCellValue(c.ok() ? ReportText.CHECK_OK : ReportText.CHECK_FAILED);
                status.setCellStyle(styles.status);
            } else {
                w.text(r, 2, ReportText.CHECK_UNAVAILABLE, styles.status);
            }
            r++;
        }
    }

    /** Wide enough for the longest status text in bold ("Kan inte kontrolleras (uppgifter saknas)") and its indent. */
    private static final int STATUS_WIDTH = HeadingFit.oneLine(java.util.stream.Stream.of(ReportText.CHECK_OK,
            ReportText.CHECK_FAILED, ReportText.CHECK_INCOMPLETE, ReportText.CHECK_UNAVAILABLE)
            .max(java.util.Comparator.comparingInt(String::length)).orElseThrow(), 16).width() + 4;

    /** The height of a wrapped 11 pt text in a column {@code width} characters wide (a tenth wider for safety). */
    static float lineHeight(String text, int width) {
        int lines = Math.max(1, (int) Math.ceil(text.length() * 1.1 / width));
        return 15f * lines + 2;
    }

    /** The internal-trade lines' sum in one column, in mnkr, as a formula over Underlag; "0" without internal trade. */
    private String internalTrade(ReportSpec.Resultatrakning rr, String column) {
        if (!rr.hasInternalTrade()) {
            return "0";
        }
        String sheet = ReportWorkbook.sheet(catalog, rr.internalTemplate().get());
        return ReportWorkbook.mnkr(String.join("+", rr.internalLines().stream()
                .map(l -> underlag.sumifs(Optional.empty(), sheet, l.value(), column)).toList()));
    }
}
