package se.tertial.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.tertial.money.Amount;
import se.tertial.spec.ReportText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.ReportSpec;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Term;
import se.tertial.spec.UnitCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.tertial.report.Figures.BrLine;
import se.tertial.report.Figures.Drilldown;
import se.tertial.report.Figures.GroupRows;
import se.tertial.report.Figures.NamndRow;
import se.tertial.report.Figures.RrLine;
import se.tertial.report.Figures.UnitRow;

/**
 * Renders the figures as the consolidated workbook: Nämndsavvikelser, a drill-down sheet per nämnd,
 * Resultaträkning, Balansräkning, Nyckeltal, Kontroller and Underlag. Unit and resultaträkning figures are SUMIFS
 * over the Underlag table; totals are formulas over the rows above or over the drill-down sheets; so every figure
 * can be traced, and recalculates to the figure tertial computed. Underlag, Prognoshistorik, Nyckeltal and
 * Kontroller are written by their own classes ({@link UnderlagSheet}, {@link ForecastHistorySheet},
 * {@link CrossSheets}).
 */
public final class ReportWorkbook {
    public static final String NAMNDSAVVIKELSER = "Nämndsavvikelser";
    public static final String RESULTATRAKNING = "Resultaträkning";
    public static final String BALANSRAKNING = "Balansräkning";
    public static final String NYCKELTAL = "Nyckeltal";
    public static final String KONTROLLER = "Kontroller";
    /** Rows kept in memory per sheet while streaming; every sheet is written top to bottom. */
    static final int ROW_WINDOW = 200;

    private final SpecCatalog catalog;
    private final ReportSpec spec;
    private final Figures f;
    /** Streaming: the Underlag of a large region has tens of thousands of rows. */
    private final SXSSFWorkbook wb = newWorkbook();

    /** No Zip64 data descriptors: java.util.zip.ZipInputStream and streaming readers cannot read them. */
    private static SXSSFWorkbook newWorkbook() {
        SXSSFWorkbook w = SheetXmlWriter.workbook(ROW_WINDOW);
        w.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
        return w;
    }
    private final ReportStyles styles = new ReportStyles(wb);
    private UnderlagSheet underlag;
    private final Map<String, int[]> drillRows = new HashMap<>();
    private final Map<String, Integer> rrRows = new HashMap<>();
    private final Map<String, Integer> brRows = new HashMap<>();
    private int namndTotalRow;

    private ReportWorkbook(SpecCatalog catalog, Figures f) {
        this.catalog = catalog;
        this.spec = catalog.report();
        this.f = f;
    }

    public static byte[] write(SpecCatalog catalog, Figures figures, Map<UnitCode, UnitFacts> current) {
        return write(catalog, figures, current, new ForecastHistory.Table(figures.period(), List.of(), List.of()));
    }

    /** With "Bokslut och prognos" as the sheet Prognoshistorik after the nämndsavvikelser. */
    public static byte[] write(SpecCatalog catalog, Figures figures, Map<UnitCode, UnitFacts> current,
                               ForecastHistory.Table history) {
        ReportWorkbook r = new ReportWorkbook(catalog, figures);
        try (SXSSFWorkbook wb = r.wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            r.underlag = UnderlagSheet.write(wb, r.styles, catalog, figures, current);
            List<String> order = new ArrayList<>();
            order.add(NAMNDSAVVIKELSER);
            for (Drilldown d : figures.drilldowns()) {
                r.drilldown(d);
                order.add(d.namnd());
            }
            r.namndsavvikelser();
            if (!history.columns().isEmpty()) {
                ForecastHistorySheet.write(wb, r.styles, figures, history);
                order.add(1, ForecastHistorySheet.NAME);
            }
            r.resultatrakning();
            r.balansrakning();
            CrossSheets cross = new CrossSheets(wb, r.styles, catalog, figures, r.underlag, r.rrRows, r.brRows,
                    r.namndTotalRow);
            cross.nyckeltal();
            cross.kontroller();
            order.addAll(List.of(RESULTATRAKNING, BALANSRAKNING, NYCKELTAL, KONTROLLER, UnderlagSheet.NAME));
            for (int i = 0; i < order.size(); i++) {
                wb.setSheetOrder(order.get(i), i);
            }
            wb.setActiveSheet(0);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                wb.getSheetAt(i).setSelected(i == 0);
            }
            wb.setForceFormulaRecalculation(true);
            ReportPages.headersAndPageNumbers(wb, ReportText.reportTitle(figures.period()));
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(ReportText.reportTitle(figures.period()));
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("tertial");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- drill-down per nämnd: units, group sums, nämnd total ---

    private void drilldown(Drilldown d) {
        PeriodCode p = f.period();
        SheetWriter w = new SheetWriter(wb.createSheet(d.namnd()), styles, ReportText.drilldownTitle(d.namnd(), d.name(), p),
                f, ReportText.drilldownHeadings(p), new int[] {14, 32, 14, 14, 14, 14, 14, 17, 45});
        w.alignHeadingsLeft(1, 8);
        ReportSpec.Namndsavvikelser n = spec.namndsavvikelser();
        CellStyle num = styles.amount(ReportStyles.MNKR_DETAIL, false);
        CellStyle numSum = styles.amount(ReportStyles.MNKR_DETAIL, true);
        int r = SheetWriter.FIRST_ROW;
        List<int[]> groupSums = new ArrayList<>(); // rows the nämnd's total adds up: {from, to}
        int[] groupRows = new int[d.groups().size()];
        for (int g = 0; g < d.groups().size(); g++) {
            GroupRows group = d.groups().get(g);
            if (!group.group().isEmpty()) {
                w.text(r++, 0, group.group(), styles.labelBold);
            }
            int first = r;
            for (UnitRow u : group.units()) {
                w.text(r, 0, u.unit(), styles.label);
                w.text(r, 1, u.name(), styles.label);
                String[] cols = {n.outcome().value(), n.periodBudget().value(), n.periodDeviation().value(),
                        n.yearBudget().value(), n.forecast().value(), n.forecastDeviation().value()};
                List<Optional<Amount>> values = List.of(u.outcome(), u.periodBudget(), u.periodDeviation(),
                        u.yearBudget(), u.forecast(), u.forecastDeviation());
                for (int c = 0; c < cols.length; c++) {
                    w.formula(r, 2 + c, values.get(c), mnkr(underlag.sumifs(Optional.of(u.unit()),
                            sheet(n.template()), n.line().value(), cols[c])), c == 2 || c == 5 ? styles.deviation(ReportStyles.MNKR_DETAIL_SIGNED, false, values.get(c)) : num);
                }
                String comments = !u.missing() ? String.join("\n", u.comments())
                        : f.approvedOnly() && f.notApproved().contains(u.unit()) ? ReportText.UNIT_NOT_APPROVED
                        : ReportText.UNIT_MISSING;
                w.text(r, 8, comments, styles.textIndented);
                // A unit's comments get a row as tall as their lines, so they never run over the next unit.
                int lines = comments.lines().mapToInt(l -> Math.max(1, (int) Math.ceil(l.length() / 40.0))).sum();
                w.row(r).setHeightInPoints(Math.max(15f, 13f * lines + 2));
                r++;
            }
            if (group.group().isEmpty() && d.groups().size() == 1) {
                // A nämnd of one unnamed group (RF): its total follows at once, a "Summa" row would only repeat it.
                groupRows[g] = r;
                groupSums.add(new int[] {first, r - 1});
                r++;
                continue;
            }
            // Like the published tables, every sum row carries all six columns: Utfall, Periodbudget, Avvikelse,
            // Årsbudget, Prognos, Prognosavvikelse; blank only where no unit reported the column.
            w.text(r, 1, ReportText.groupSum(group.group()), styles.labelBold);
            List<Optional<Amount>> groupFigures = columnSums(group.units(), group.period(), group.forecast());
            for (int c = 0; c < 6; c++) {
                w.formula(r, 2 + c, groupFigures.get(c), "SUM(" + SheetWriter.ref(first, 2 + c) + ":"
                        + SheetWriter.ref(r - 1, 2 + c) + ")", c == 2 || c == 5
                        ? styles.deviation(ReportStyles.MNKR_DETAIL_SIGNED, true, groupFigures.get(c)) : numSum);
            }
            groupRows[g] = r;
            groupSums.add(new int[] {r, r});
            r += 2;
        }
        w.text(r, 1, ReportText.namndTotal(d.namnd()), styles.labelBold);
        List<Optional<Amount>> totals = columnSums(d.groups().stream().flatMap(g -> g.units().stream()).toList(),
                d.period(), d.forecast());
        for (int c = 0; c < 6; c++) {
            w.formula(r, 2 + c, totals.get(c), sumOfRanges(groupSums, 2 + c), c == 2 || c == 5
                    ? styles.deviation(ReportStyles.MNKR_DETAIL_SIGNED, true, totals.get(c)) : numSum);
        }
        int[] rows = new int[groupRows.length + 1];
        System.arraycopy(groupRows, 0, rows, 0, groupRows.length);
        rows[groupRows.length] = r;
        drillRows.put(d.namnd(), rows);
    }

    /**
     * The six drill-down columns summed over units, exactly: each present when some unit has it. The deviations are
     * the consolidation's own figures (which the nämndsavvikelser table shows).
     */
    private static List<Optional<Amount>> columnSums(List<UnitRow> units, Optional<Amount> period,
                                                     Optional<Amount> forecast) {
        List<java.util.function.Function<UnitRow, Optional<Amount>>> columns = List.of(UnitRow::outcome,
                UnitRow::periodBudget, UnitRow::periodDeviation, UnitRow::yearBudget, UnitRow::forecast,
                UnitRow::forecastDeviation);
        List<Optional<Amount>> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (c == 2) {
                out.add(period);
                continue;
            }
            if (c == 5) {
                out.add(forecast);
                continue;
            }
            var column = columns.get(c);
            out.add(Consolidation.sum(units.stream().map(column).toList()));
        }
        return out;
    }

    // --- nämndsavvikelser ---

    private void namndsavvikelser() {
        SheetWriter w = new SheetWriter(wb.createSheet(NAMNDSAVVIKELSER), styles,
                ReportText.namndsavvikelserTitle(f.period()), f, ReportText.namndsavvikelserHeadings(f.period()),
                new int[] {56, 18, 18});
        String dev = ReportStyles.MNKR_SIGNED;
        int r = SheetWriter.FIRST_ROW;
        List<Integer> namndRows = new ArrayList<>();
        Map<String, Integer> groupIndex = new HashMap<>();
        for (NamndRow row : f.namndsavvikelser()) {
            switch (row.kind()) {
                case NAMND -> {
                    int[] d = drillRows.get(row.namnd());
                    int total = d[d.length - 1];
                    w.text(r, 0, row.label(), styles.labelBold);
                    w.formula(r, 1, row.period(), SheetWriter.ref(row.namnd(), total, 4),
                            styles.deviation(dev, true, row.period()));
                    w.formula(r, 2, row.forecast(), SheetWriter.ref(row.namnd(), total, 7),
                            styles.deviation(dev, true, row.forecast()));
                    namndRows.add(r);
                    groupIndex.put(row.namnd(), 0);
                }
                case GROUP -> {
                    int g = groupIndex.merge(row.namnd(), 1, Integer::sum) - 1;
                    int sumRow = drillRows.get(row.namnd())[g];
                    w.text(r, 0, row.label(), styles.labelIndent);
                    w.formula(r, 1, row.period(), SheetWriter.ref(row.namnd(), sumRow, 4),
                            styles.deviation(dev, false, row.period()));
                    w.formula(r, 2, row.forecast(), SheetWriter.ref(row.namnd(), sumRow, 7),
                            styles.deviation(dev, false, row.forecast()));
                }
                case TOTAL -> {
                    r++;
                    w.text(r, 0, row.label(), styles.labelBold);
                    w.formula(r, 1, row.period(), sumOf(namndRows, 1), styles.deviation(dev, true, row.period()));
                    w.formula(r, 2, row.forecast(), sumOf(namndRows, 2), styles.deviation(dev, true, row.forecast()));
                    namndTotalRow = r;
                }
            }
            r++;
        }
    }

    // --- resultaträkning ---

    private void resultatrakning() {
        ReportSpec.Resultatrakning rr = spec.resultatrakning();
        SheetWriter w = new SheetWriter(wb.createSheet(RESULTATRAKNING), styles, ReportText.rrTitle(f.period()), f,
                ReportText.rrHeadings(f.period()), new int[] {46, 16, 16, 16, 16, 16});
        int r = SheetWriter.FIRST_ROW;
        for (RrLine line : f.resultatrakning()) {
            ReportSpec.RrRow row = rr.rows().stream().filter(x -> x.code().equals(line.code())).findFirst().orElseThrow();
            boolean bold = line.total();
            CellStyle num = styles.amount(ReportStyles.MNKR, bold);
            CellStyle dev = styles.deviation(ReportStyles.MNKR_SIGNED, bold, line.deviation());
            w.text(r, 0, line.label(), bold ? styles.labelBold : styles.label);
            List<Optional<Amount>> values = List.of(line.outcome(), line.forecast(), line.deviation());
            String[] columns = {rr.outcome().value(), rr.forecast().value(), rr.deviation().value()};
            for (int c = 0; c < 3; c++) {
                String column = columns[c];
                String formula = row.isTotal() ? sumOfRows(row.sum(), c + 1)
                        : mnkr(String.join("+", row.lines().stream().map(l -> underlag.sumifs(Optional.empty(),
                                sheet(row.template().orElseThrow()), l.value(), column)).toList()));
                w.formula(r, 1 + c, values.get(c), formula, c == 2 ? dev : num);
            }
            if (row.isTotal()) {
                w.formula(r, 4, line.samePeriodLastYear(), sumOfRows(row.sum(), 4), num);
                w.formula(r, 5, line.lastYearBokslut(), sumOfRows(row.sum(), 5), num);
            } else {
                w.value(r, 4, line.samePeriodLastYear(), num);
                w.value(r, 5, line.lastYearBokslut(), num);
            }
            rrRows.put(line.code(), r);
            r++;
        }
        int below = r + 1;
        f.comparison().ifPresent(note -> w.noteBelow(below, note));
    }

    private String sumOfRows(List<String> codes, int col) {
        return String.join("+", codes.stream().map(c -> SheetWriter.ref(rrRows.get(c), col)).toList());
    }

    // --- balansräkning ---

    private void balansrakning() {
        ReportSpec.Balansrakning b = spec.balansrakning();
        TemplateSpec t = catalog.current(b.template());
        SheetWriter w = new SheetWriter(wb.createSheet(BALANSRAKNING), styles, ReportText.brTitle(f.period()), f,
                ReportText.brHeadings(f.period()), new int[] {56, 18, 18});
        int r = SheetWriter.FIRST_ROW;
        boolean memo = false;
        for (BrLine line : f.balansrakning()) {
            if (line.memo() && !memo) {
                memo = true;
                r++;
                w.text(r++, 0, ReportText.BR_MEMO, styles.labelBold);
            }
            brRows.put(line.line(), r);
            CellStyle num = styles.amount(ReportStyles.MNKR, line.sum());
            w.text(r, 0, line.label(), line.sum() ? styles.labelBold : styles.label);
            if (line.sum()) {
                var spec = t.line(se.tertial.spec.LineCode.of(line.line())).orElseThrow();
                w.formula(r, 1, line.value(), terms(spec.sum(), 1), num);
                w.formula(r, 2, line.lastYearBokslut(), terms(spec.sum(), 2), num);
            } else {
                w.formula(r, 1, line.value(), mnkr(underlag.sumifs(Optional.empty(), sheet(b.template()), line.line(),
                        b.column().value())), num);
                w.value(r, 2, line.lastYearBokslut(), num);
            }
            r++;
        }
    }

    private String terms(List<Term<se.tertial.spec.LineCode>> sum, int col) {
        StringBuilder s = new StringBuilder();
        for (Term<se.tertial.spec.LineCode> term : sum) {
            s.append(term.negated() ? "-" : s.length() == 0 ? "" : "+")
                    .append(SheetWriter.ref(brRows.get(term.code().value()), col));
        }
        return s.toString();
    }

    // --- helpers ---

    private static String sumOfRanges(List<int[]> ranges, int col) {
        return "SUM(" + String.join(",", ranges.stream().map(x -> SheetWriter.ref(x[0], col)
                + (x[1] == x[0] ? "" : ":" + SheetWriter.ref(x[1], col))).toList()) + ")";
    }

    private static String sumOf(List<Integer> rows, int col) {
        return "SUM(" + String.join(",", rows.stream().map(r -> SheetWriter.ref(r, col)).toList()) + ")";
    }

    /** A formula in tkr as mnkr. */
    static String mnkr(String tkrFormula) {
        return "(" + tkrFormula + ")/1000";
    }

    private String sheet(se.tertial.spec.TemplateId template) {
        return sheet(catalog, template);
    }

    /** The sheet name a template's facts carry in Underlag. */
    static String sheet(SpecCatalog catalog, se.tertial.spec.TemplateId template) {
        return catalog.current(template).sheet();
    }
}
