package se.tertial.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.tertial.spec.SpecFiles.NamndEntry;
import se.tertial.spec.SpecFiles.OrganisationFile;
import se.tertial.spec.SpecFiles.UnitEntry;
import se.tertial.spec.SpecLoader.Problems;

/** Reads {@code organisation.json} and checks it against the loaded templates. */
final class OrganisationParser {
    private OrganisationParser() {}

    static Organisation parse(ObjectMapper json, Path file, List<TemplateSpec> templates, Problems problems) {
        String name = SpecLoader.ORGANISATION_FILE;
        OrganisationFile dto;
        try {
            dto = json.readValue(Files.readAllBytes(file), OrganisationFile.class);
        } catch (JsonProcessingException e) {
            problems.add(name, "", SpecLoader.describe(e));
            return null;
        } catch (IOException e) {
            problems.add(name, "", CliText.specFileUnreadable(e.getMessage()));
            return null;
        }
        if (dto == null) {
            problems.add(name, "", CliText.specUnexpectedShape());
            return null;
        }
        List<Namnd> namnder = new ArrayList<>();
        Set<String> namndCodes = new HashSet<>();
        for (NamndEntry n : dto.namnder()) {
            String where = "namnder." + n.code();
            if (!namndCodes.add(n.code())) {
                problems.add(name, where, CliText.specDuplicate("nämndkod", n.code()));
                continue;
            }
            try {
                namnder.add(new Namnd(NamndCode.of(n.code()), n.name()));
            } catch (IllegalArgumentException e) {
                problems.add(name, where, e.getMessage());
            }
        }
        // Units receive the latest version of each template; its sheet name is what must be unique per workbook.
        java.util.Map<String, TemplateSpec> latest = new java.util.HashMap<>();
        templates.forEach(t -> latest.merge(t.id().value(), t, (a, b) -> a.version() >= b.version() ? a : b));
        List<Unit> units = new ArrayList<>();
        Set<String> unitCodes = new HashSet<>();
        for (UnitEntry u : dto.units()) {
            String where = "units." + u.code();
            int before = problems.count();
            if (!unitCodes.add(u.code())) {
                problems.add(name, where, CliText.specDuplicate("enhetskod", u.code()));
            }
            if (!namndCodes.contains(u.namnd())) {
                problems.add(name, where + ".namnd", CliText.specUnknownReference("nämnd", u.namnd()));
            }
            if (u.templates().isEmpty()) {
                problems.add(name, where + ".templates", CliText.specMissing("templates"));
            }
            Set<String> sheets = new HashSet<>();
            for (String t : u.templates()) {
                TemplateSpec spec = latest.get(t);
                if (spec == null) {
                    problems.add(name, where + ".templates", CliText.specUnknownReference("mall", t));
                } else if (!sheets.add(spec.sheet())) {
                    problems.add(name, where + ".templates", CliText.specDuplicate("blad", spec.sheet()));
                }
            }
            Unit unit = null;
            try {
                unit = new Unit(UnitCode.of(u.code()), u.name(), NamndCode.of(u.namnd()),
                        Optional.ofNullable(u.group()).filter(g -> !g.isBlank()),
                        u.templates().stream().map(TemplateId::of).toList());
            } catch (IllegalArgumentException e) {
                problems.add(name, where, e.getMessage());
            }
            if (unit != null && problems.count() == before) {
                units.add(unit);
            }
        }
        for (Namnd n : namnder) {
            if (dto.units().stream().noneMatch(u -> n.code().value().equals(u.namnd()))) {
                problems.add(name, "namnder." + n.code(), CliText.specNamndWithoutUnits());
            }
        }
        return new Organisation(dto.region(), namnder, units);
    }
}
