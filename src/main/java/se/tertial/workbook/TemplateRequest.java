package se.tertial.workbook;

import se.tertial.spec.Namnd;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a template workbook shows: whose it is, for which period, which template versions, and the prefilled
 * values.
 *
 * @param deadline the units' deadline, if the period has one
 * @param uploadUrl where the Instruktioner sheet tells the controller to upload
 */
public record TemplateRequest(String region, Unit unit, Namnd namnd, PeriodCode period, Optional<LocalDate> deadline,
                              List<TemplateSpec> specs, Prefill prefill, String uploadUrl, String tertialVersion,
                              Instant generatedAt) {
    public TemplateRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(namnd, "namnd");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deadline, "deadline");
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a template needs at least one spec");
        }
        Objects.requireNonNull(prefill, "prefill");
        Objects.requireNonNull(uploadUrl, "uploadUrl");
        Objects.requireNonNull(tertialVersion, "tertialVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
