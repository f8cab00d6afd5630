package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import se.tertial.spec.Finding;
import se.tertial.spec.Severity;
import se.tertial.spec.WorkbookText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sums and deviations of the annotated copy that rest on a marked cell holding text instead of a number: Excel's
 * SUM skips the text and a difference shows #VALUE!, so their figures are wrong until the cell is an amount. Each
 * gets a warning of its own (amber, with a note naming the text cells), directly or through other formulas.
 */
final class DependentSums {
    /** The annotated copy's own rule: it marks cells, it is no finding of the upload (JSON never has it). */
    static final String RULE = "unreliable_formula";
    /** A1 references and ranges of the formula's own sheet (tertial's formulas never name another sheet). */
    private static final Pattern REF = Pattern.compile("(?<![A-Za-z_!.$'])\\$?([A-Z]{1,3})\\$?(\\d{1,7})"
            + "(?::\\$?([A-Z]{1,3})\\$?(\\d{1,7}))?(?![\\w(!])");

    private DependentSums() {}

    static List<Finding> of(Workbook wb, List<Finding> findings) {
        Map<String, Set<String>> textCells = new LinkedHashMap<>();
        for (Finding f : findings) {
            Sheet sheet = f.sheet() == null || f.cell() == null ? null : wb.getSheet(f.sheet());
            if (sheet != null && isText(sheet, new CellReference(f.cell()))) {
                textCells.computeIfAbsent(f.sheet(), k -> new LinkedHashSet<>()).add(f.cell());
            }
        }
        List<Finding> out = new ArrayList<>();
        Set<String> marked = new java.util.HashSet<>();
        findings.forEach(f -> marked.add(f.sheet() + "!" + f.cell()));
        textCells.forEach((name, cells) -> {
            for (Map.Entry<String, Set<String>> e : dependents(wb.getSheet(name), cells).entrySet()) {
                if (marked.add(name + "!" + e.getKey())) {
                    out.add(new Finding(Severity.WARNING, name, e.getKey(), null, null, RULE,
                            WorkbookText.unreliableFormula(String.join(", ", e.getValue()))));
                }
            }
        });
        return out;
    }

    private static boolean isText(Sheet sheet, CellReference ref) {
        Row row = sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        return cell != null && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank();
    }

    /** Every formula cell resting on one of the text cells, with the text cells it rests on; to a fixpoint. */
    private static Map<String, Set<String>> dependents(Sheet sheet, Set<String> text) {
        Map<String, List<CellRangeAddress>> formulas = new LinkedHashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    formulas.put(new CellReference(cell).formatAsString(false), refs(cell.getCellFormula()));
                }
            }
        }
        Map<String, Set<String>> bad = new LinkedHashMap<>();
        text.forEach(t -> bad.put(t, Set.of(t)));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<CellRangeAddress>> f : formulas.entrySet()) {
                Set<String> causes = new LinkedHashSet<>();
                for (Map.Entry<String, Set<String>> b : bad.entrySet()) {
                    CellReference r = new CellReference(b.getKey());
                    if (!b.getKey().equals(f.getKey()) && f.getValue().stream()
                            .anyMatch(a -> a.isInRange(r.getRow(), r.getCol()))) {
                        causes.addAll(b.getValue());
                    }
                }
                if (!causes.isEmpty() && !causes.equals(bad.get(f.getKey()))) {
                    bad.put(f.getKey(), causes);
                    changed = true;
                }
            }
        }
        text.forEach(bad::remove);
        return bad;
    }

    private static List<CellRangeAddress> refs(String formula) {
        List<CellRangeAddress> refs = new ArrayList<>();
        Matcher m = REF.matcher(formula.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            String from = m.group(1) + m.group(2);
            String to = m.group(3) == null ? from : m.group(3) + m.group(4);
            refs.add(CellRangeAddress.valueOf(from + ":" + to));
        }
        return refs;
    }
}
