package se.tertial.spec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything loaded from {@code workbook-templates/}: the organisation and every version of every template.
 * New templates are generated from the latest version; uploads are read with the version they were made from.
 */
public final class SpecCatalog {
    private final Organisation organisation;
    private final Map<TemplateId, NavigableMap<Integer, TemplateSpec>> templates;

    private final ReportSpec report;

    private final List<LegacyMapping> legacy;

    SpecCatalog(Organisation organisation, Collection<TemplateSpec> specs, ReportSpec report,
                List<LegacyMapping> legacy) {
        this.organisation = organisation;
        this.report = report;
        this.legacy = List.copyOf(legacy);
        Map<TemplateId, NavigableMap<Integer, TemplateSpec>> byId = new TreeMap<>();
        for (TemplateSpec s : specs) {
            byId.computeIfAbsent(s.id(), k -> new TreeMap<>()).put(s.version(), s);
        }
        byId.replaceAll((k, v) -> java.util.Collections.unmodifiableNavigableMap(v));
        this.templates = java.util.Collections.unmodifiableMap(byId);
    }

    /** How to read the hand-made workbooks of before tertial. */
    public List<LegacyMapping> legacyMappings() {
        return legacy;
    }

    /** What the consolidated report adds up. */
    public ReportSpec report() {
        return report;
    }

    public Organisation organisation() {
        return organisation;
    }

    /** The latest version of a template. */
    public TemplateSpec current(TemplateId id) {
        NavigableMap<Integer, TemplateSpec> versions = templates.get(id);
        if (versions == null) {
            throw new IllegalArgumentException("unknown template " + id);
        }
        return versions.lastEntry().getValue();
    }

    public Optional<TemplateSpec> version(TemplateId id, int version) {
        return Optional.ofNullable(templates.getOrDefault(id, new TreeMap<>()).get(version));
    }

    /** The latest versions of the templates the unit receives, in sheet order. */
    public List<TemplateSpec> currentFor(Unit unit) {
        return unit.templates().stream().map(this::current).toList();
    }

    /** Every version of a template, oldest first; empty for an unknown id. */
    public Collection<TemplateSpec> versions(TemplateId id) {
        return templates.getOrDefault(id, new TreeMap<>()).values();
    }

    public Collection<TemplateId> templateIds() {
        return templates.keySet();
    }

    /**
     * The label of a line on a template's sheet ("Lokalkostnader" for KOST_LOKAL on Resultat), in any version; the
     * code itself when no template knows it (a legacy layout's row, a line of a version since removed).
     */
    public String lineLabel(String sheet, String line) {
        if (sheet == null || line == null) {
            return line;
        }
        LineCode code;
        try {
            code = LineCode.of(line);
        } catch (IllegalArgumentException e) {
            return line;
        }
        for (TemplateId id : templateIds()) {
            for (TemplateSpec t : versions(id)) {
                if (t.sheet().equals(sheet)) {
                    Optional<LineSpec> l = t.line(code);
                    if (l.isPresent()) {
                        return l.get().label();
                    }
                }
            }
        }
        return line;
    }
}
