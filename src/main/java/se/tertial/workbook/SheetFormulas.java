package se.tertial.workbook;

import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;

import java.util.Locale;
import java.util.Optional;

/**
 * The formula every computed cell of a template holds: the writer puts it there, the ingest checks it is still
 * there. Empty for cells the unit fills in.
 */
public final class SheetFormulas {
    private SheetFormulas() {}

    public static Optional<String> expected(SheetLayout layout, PeriodCode period, LineSpec line, ColumnSpec column) {
        int row = layout.row(line);
        if (column.isFormulaIn(period)) {
            if (column.kind() == ColumnKind.FORECAST) {
                return Optional.of(SheetLayout.address(row, layout.col(column.sameAs().orElseThrow())));
            }
            return Optional.of(Formulas.columns(column.formula(), layout::col, row));
        }
        if (line.kind() == LineKind.SUM && column.kind().isNumeric()) {
            return Optional.of(Formulas.sum(line.sum(), layout::row, layout.col(column)));
        }
        return Optional.empty();
    }

    /** Compares formulas as spreadsheet programs save them: no '=', no '$', no spaces, any case. */
    public static String normalize(String formula) {
        return formula.replace("=", "").replace("$", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
