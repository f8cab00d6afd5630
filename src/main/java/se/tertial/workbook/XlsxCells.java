package se.tertial.workbook;

import se.tertial.spec.FindingText;

/** Turns a cell as it stands in SpreadsheetML into a {@link CellValue}, by its type attribute. */
final class XlsxCells {
    private XlsxCells() {}

    static CellValue value(SheetXml.Raw raw, SharedStringsXml strings) {
        if (raw.overlong()) {
            return new CellValue.Unreadable(FindingText.CELL_TOO_LONG);
        }
        CellValue v = plain(raw, strings);
        if (raw.formula() != null) {
            return new CellValue.Formula(raw.formula(), v instanceof CellValue.Formula ? CellValue.BLANK : v);
        }
        return v;
    }

    private static CellValue plain(SheetXml.Raw raw, SharedStringsXml strings) {
        String type = raw.type() == null ? "n" : raw.type();
        String v = raw.value();
        switch (type) {
            case "inlineStr":
                return raw.inline() != null ? new CellValue.Text(raw.inline())
                        : v != null ? new CellValue.Text(v) : CellValue.BLANK;
            case "s": {
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                var i = XlsxStream.index(v);
                if (i.isPresent() && strings.overlong.contains(i.get())) {
                    return new CellValue.Unreadable(FindingText.CELL_TOO_LONG);
                }
                String s = i.map(strings.strings::get).orElse(null);
                return s == null ? new CellValue.Unreadable("s:" + v) : new CellValue.Text(s);
            }
            case "str":
                return v == null ? CellValue.BLANK : new CellValue.Text(v);
            case "b":
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                return switch (v.strip()) {
                    case "1", "true" -> new CellValue.Bool(true);
                    case "0", "false" -> new CellValue.Bool(false);
                    default -> new CellValue.Unreadable(v);
                };
            case "e":
                return v == null ? CellValue.BLANK : new CellValue.Error(v.strip());
            case "d":
                return v == null ? CellValue.BLANK : new CellValue.Text(v);
            case "n":
                return number(v);
            default:
                return new CellValue.Unreadable(type + (v == null ? "" : ":" + v));
        }
    }

    private static CellValue number(String v) {
        if (v == null || v.isBlank()) {
            return CellValue.BLANK;
        }
        String s = v.strip();
        // Only what a spreadsheet program writes: digits, sign, point, exponent. Not "NaN", "INF" or "0x1p3".
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return new CellValue.Unreadable(s.length() > 40 ? s.substring(0, 40) + "…" : s);
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? new CellValue.Number(d) : new CellValue.Unreadable(s);
    }
}
