package se.tertial.workbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An .xlsx read by streaming: {@link XlsxPackage} checks the package (macros by part name, content type or
 * relationship; a DTD anywhere; zip bombs) and finds its sheets, shared strings and saved date; then only the sheets
 * asked for and, when they refer to it, the shared-strings part are parsed with SAX. No XMLBeans tree or DOM is built
 * and no formula is evaluated.
 */
final class XlsxStream extends OpenedWorkbook {
    private final XlsxPackage pkg;

    private XlsxStream(XlsxPackage pkg, ReadLimits limits, Deadline deadline) {
        super(WorkbookFormat.XLSX, limits, deadline);
        this.pkg = pkg;
    }

    static OpenedWorkbook open(Path file, byte[] bytes, ReadLimits limits, Deadline deadline)
            throws UnreadableWorkbookException {
        XlsxPackage pkg = XlsxPackage.open(file, bytes, deadline);
        deadline.check();
        return new XlsxStream(pkg, limits, deadline);
    }

    /** Reads bytes checked before (the outline's SHA-256 is the caller's to compare): the data sheets only. */
    static OpenedWorkbook reopen(Path file, byte[] bytes, WorkbookOutline outline, ReadLimits limits,
                                 Deadline deadline) throws UnreadableWorkbookException {
        XlsxPackage pkg = XlsxPackage.reopen(file, bytes, outline, deadline);
        deadline.check();
        return new XlsxStream(pkg, limits, deadline);
    }

    @Override
    public Optional<WorkbookOutline> outline(String sha256) {
        return Optional.of(pkg.outline(sha256));
    }

    @Override
    public Optional<Instant> savedAt() {
        return pkg.savedAt;
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(pkg.sheets.keySet());
    }

    @Override
    public Optional<SheetGrid> sheet(String name, ReadArea area) throws UnreadableWorkbookException {
        String part = pkg.sheets.get(name);
        if (part == null) {
            return Optional.empty();
        }
        SheetXml xml = new SheetXml(area, limits, deadline);
        pkg.parse(part, xml);
        Set<Integer> wanted = new HashSet<>();
        xml.cells.values().forEach(raw -> {
            if ("s".equals(raw.type()) && raw.value() != null) {
                index(raw.value()).ifPresent(wanted::add);
            }
        });
        SharedStringsXml strings = new SharedStringsXml(wanted, limits, deadline);
        if (!wanted.isEmpty() && pkg.sharedStrings != null) {
            pkg.parse(pkg.sharedStrings, strings); // without the part every index reads as unreadable
        }
        Map<Long, CellValue> cells = new HashMap<>();
        int lastRow = -1;
        int lastCol = -1;
        for (Map.Entry<Long, SheetXml.Raw> e : xml.cells.entrySet()) {
            CellValue v = XlsxCells.value(e.getValue(), strings);
            if (v instanceof CellValue.Blank) {
                continue;
            }
            cells.put(e.getKey(), v);
            lastRow = Math.max(lastRow, (int) (e.getKey() >> 20));
            lastCol = Math.max(lastCol, (int) (e.getKey() & 0xFFFFF));
        }
        return Optional.of(new SheetGrid(name, cells, lastRow, lastCol, xml.outside, xml.firstOutside));
    }

    static Optional<Integer> index(String s) {
        try {
            int i = Integer.parseInt(s.strip());
            return i >= 0 ? Optional.of(i) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        pkg.close();
    }

    @Override
    public void verifyWhole() throws UnreadableWorkbookException {
        pkg.verifyRest();
    }
}
