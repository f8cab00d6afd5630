package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key/value metadata on the veryHidden sheet {@code _tertial}: which unit, period and template versions a
 * workbook was made for. Uploads are identified by it, never by file name.
 */
public record Metadata(UnitCode unit, PeriodCode period, Instant generatedAt, String tertialVersion,
                       List<TemplateRef> templates) {
    public static final String SHEET = "_tertial";
    static final String FORMAT = "tertial-template";
    static final String K_FORMAT = "format";
    static final String K_METADATA_VERSION = "metadata_version";
    static final String K_UNIT = "unit";
    static final String K_PERIOD = "period";
    static final String K_GENERATED_AT = "generated_at";
    static final String K_TERTIAL_VERSION = "tertial_version";
    static final String K_TEMPLATES = "templates";

    /** One template in the workbook: its id, version, data sheet and the SHA-256 of its spec file. */
    public record TemplateRef(TemplateId id, int version, String sheet, String specSha256) {}

    public Metadata {
        templates = List.copyOf(templates);
    }

    /** The metadata as ordered key/value pairs, as written to the sheet. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(K_FORMAT, FORMAT);
        m.put(K_METADATA_VERSION, "1");
        m.put(K_UNIT, unit.value());
        m.put(K_PERIOD, period.toString());
        m.put(K_GENERATED_AT, generatedAt.toString());
        m.put(K_TERTIAL_VERSION, tertialVersion);
        m.put(K_TEMPLATES, String.join(",", templates.stream().map(t -> t.id().value()).toList()));
        for (TemplateRef t : templates) {
            String p = "template." + t.id() + ".";
            m.put(p + "version", Integer.toString(t.version()));
            m.put(p + "sheet", t.sheet());
            m.put(p + "spec_sha256", t.specSha256());
        }
        return m;
    }

    /** Writes the metadata sheet (as plain strings), hides it as veryHidden and protects it. */
    void writeTo(SheetOut.Book book, String password) {
        writeMap(book, toMap(), password);
    }

    /** Writes key/value pairs as the veryHidden, protected {@code _tertial} sheet. */
    static void writeMap(SheetOut.Book book, Map<String, String> map, String password) {
        SheetOut sheet = book.sheet(SHEET, true);
        sheet.columnWidth(0, 32);
        sheet.columnWidth(1, 70);
        int r = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            sheet.row(r++, 0, false);
            sheet.text(0, e.getKey(), TemplateStyle.PLAIN);
            sheet.text(1, e.getValue(), TemplateStyle.PLAIN);
        }
        sheet.protect(password, SheetOut.Protection.PLAIN);
    }

    /** Reads the raw key/value pairs of a workbook's metadata sheet; empty if it has none. */
    public static Optional<Map<String, String>> readMap(Workbook wb) {
        Sheet sheet = wb.getSheet(SHEET);
        if (sheet == null) {
            return Optional.empty();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Row row : sheet) {
            Cell k = row.getCell(0);
            Cell v = row.getCell(1);
            if (k != null && k.getCellType() == CellType.STRING && v != null && v.getCellType() == CellType.STRING) {
                add(m, k.getStringCellValue(), v.getStringCellValue());
            }
        }
        return Optional.of(m);
    }

    /** Marks metadata that contradicts itself; no cell text can hold it (XML has no NUL). */
    private static final String CONTRADICTORY = "\u0000contradictory";

    /**
     * One key/value pair: a key given twice, or a key or value with spaces around it, makes the whole sheet
     * contradictory (it is then not tertial's workbook), so that no reading of it — the first row, the last, the
     * trimmed — decides which unit a file is for.
     */
    private static void add(Map<String, String> m, String key, String value) {
        String k = key.strip();
        if (m.containsKey(k) || !k.equals(key) || !value.equals(value.strip())) {
            m.put(CONTRADICTORY, k);
            return;
        }
        m.put(k, value);
    }

    /** The key/value pairs of a metadata sheet read as a grid: text in column A, text in column B. */
    static Map<String, String> fromGrid(SheetGrid grid) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int r = 0; r <= grid.lastRow(); r++) {
            if (grid.get(r, 0) instanceof CellValue.Text k && grid.get(r, 1) instanceof CellValue.Text v) {
                add(m, k.value(), v.value());
            }
        }
        return m;
    }

    /**
     * Parses the metadata of a tertial workbook; empty if the sheet is missing or not tertial's. Throws
     * {@link IllegalArgumentException} when the sheet is tertial's but an entry is malformed.
     */
    public static Optional<Metadata> read(Workbook wb) {
        return readMap(wb).flatMap(Metadata::fromMap);
    }

    /**
     * Parses key/value metadata; empty if it is not tertial's, {@link IllegalArgumentException} if malformed (a code,
     * number or date that does not parse, a key missing: every parse failure is this one exception type).
     */
    public static Optional<Metadata> fromMap(Map<String, String> m) {
        try {
            return parse(m);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("metadata malformed: " + e.getMessage(), e);
        }
    }

    private static Optional<Metadata> parse(Map<String, String> m) {
        if (!FORMAT.equals(m.get(K_FORMAT))) {
            return Optional.empty();
        }
        if (m.containsKey(CONTRADICTORY)) {
            throw new IllegalArgumentException("metadata key repeated or padded: " + m.get(CONTRADICTORY));
        }
        List<TemplateRef> refs = new ArrayList<>();
        for (String id : require(m, K_TEMPLATES).split(",")) {
            String p = "template." + id + ".";
            refs.add(new TemplateRef(TemplateId.of(id), Integer.parseInt(require(m, p + "version")),
                    require(m, p + "sheet"), require(m, p + "spec_sha256")));
        }
        return Optional.of(new Metadata(UnitCode.of(require(m, K_UNIT)), PeriodCode.parse(require(m, K_PERIOD)),
                IsoInstant.parse(require(m, K_GENERATED_AT)), require(m, K_TERTIAL_VERSION), refs));
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("metadata key missing: " + key);
        }
        return v;
    }
}
