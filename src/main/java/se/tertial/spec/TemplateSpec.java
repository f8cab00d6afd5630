package se.tertial.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a template: a data sheet with lines × columns. Built and checked by {@link SpecLoader}.
 *
 * @param sha256 hex digest of the spec file, written into every generated workbook
 */
public record TemplateSpec(TemplateId id, int version, String sheet, String title,
                           Optional<CommentThreshold> commentThreshold, List<ColumnSpec> columns,
                           List<LineSpec> lines, Optional<BalanceCheck> balance, String sha256) {
    public TemplateSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(commentThreshold, "commentThreshold");
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(sha256, "sha256");
    }

    public Optional<LineSpec> line(LineCode code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Optional<ColumnSpec> column(ColumnCode code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Map<LineCode, LineSpec> linesByCode() {
        Map<LineCode, LineSpec> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.code(), l));
        return map;
    }

    @Override
    public String toString() {
        return id + " v" + version;
    }
}
