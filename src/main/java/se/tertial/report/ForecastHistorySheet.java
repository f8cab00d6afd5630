package se.tertial.report;

import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.ReportText;

import java.util.ArrayList;
import java.util.List;

/**
 * The sheet "Prognoshistorik" of konsolidering.xlsx: per unit and nämnd the bokslut deviations of the two previous
 * years and the prognos deviation of each tertial of the year, in mnkr with one decimal and explicit signs; blank
 * where a unit had no accepted version. Values, not formulas: they come from other periods' versions.
 */
final class ForecastHistorySheet {
    static final String NAME = "Prognoshistorik";

    private ForecastHistorySheet() {}

    static void write(Workbook wb, ReportStyles styles, Figures f, ForecastHistory.Table table) {
        List<String> headings = new ArrayList<>(List.of(ReportText.historyUnit(), ReportText.historyName()));
        table.columns().forEach(c -> headings.add(ReportText.historyColumn(c.isYearEnd(), c.year(), c.tertial())));
        int[] widths = new int[headings.size()];
        widths[0] = 14;
        widths[1] = 40;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 14;
        }
        SheetWriter w = new SheetWriter(wb.createSheet(NAME), styles, ReportText.historyTitle(table.period()), f,
                headings, widths);
        w.alignHeadingsLeft(1);
        int r = SheetWriter.FIRST_ROW;
        for (ForecastHistory.Row row : table.rows()) {
            w.text(r, 0, row.unit().orElse(row.namnd()), row.total() ? styles.labelBold : styles.label);
            w.text(r, 1, row.name(), row.total() ? styles.labelBold : styles.label);
            int c = 2;
            for (PeriodCode column : table.columns()) {
                var value = row.values().get(column);
                w.value(r, c++, value, styles.deviation(ReportStyles.MNKR_DETAIL_SIGNED, row.total(), value));
            }
            r += row.total() ? 2 : 1;
        }
    }
}
