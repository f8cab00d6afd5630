package se.tertial.workbook;

import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The formulas tertial itself puts into a template, as "sheet!A1 → normalised formula": the only formulas an
 * annotated copy keeps live. Everything else a workbook carries is the uploader's and is handed on as text.
 */
public final class TemplateFormulas {
    private final Map<String, Set<String>> allowed = new HashMap<>();

    private TemplateFormulas() {}

    public static TemplateFormulas none() {
        return new TemplateFormulas();
    }

    /** Every version given of every template, for the period: a workbook of any of them keeps its own formulas. */
    public static TemplateFormulas of(Iterable<TemplateSpec> specs, PeriodCode period) {
        TemplateFormulas f = new TemplateFormulas();
        for (TemplateSpec spec : specs) {
            SheetLayout layout = new SheetLayout(spec);
            for (LineSpec line : spec.lines()) {
                for (ColumnSpec col : spec.columns()) {
                    SheetFormulas.accepted(layout, period, line, col).forEach(formula -> f.allowed
                            .computeIfAbsent(spec.sheet() + "!" + layout.address(line.code(), col.code()),
                                    k -> new HashSet<>()).add(SheetFormulas.normalize(formula)));
                }
            }
            layout.checkRow().ifPresent(row -> f.allowAnyAt(spec.sheet(), row));
        }
        return f;
    }

    /** The balance check row holds tertial's own formulas too; they are allowed by position. */
    private void allowAnyAt(String sheet, int row) {
        allowed.computeIfAbsent(sheet + "!row" + row, k -> new HashSet<>()).add("*");
    }

    boolean allows(String sheet, int row, int col, String formula) {
        if (allowed.containsKey(sheet + "!row" + row)) {
            return true;
        }
        Set<String> here = allowed.get(sheet + "!" + SheetLayout.address(row, col));
        return here != null && here.contains(SheetFormulas.normalize(formula));
    }
}
