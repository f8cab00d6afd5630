package se.tertial.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** The JSON shapes of the files in {@code workbook-templates/}, read by Jackson and then checked by {@link SpecLoader}. */
final class SpecFiles {
    private SpecFiles() {}

    record OrganisationFile(@JsonProperty(required = true) String region,
                            @JsonProperty(required = true) List<NamndEntry> namnder,
                            @JsonProperty(required = true) List<UnitEntry> units) {}

    record NamndEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String name) {}

    record UnitEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String name,
                     @JsonProperty(required = true) String namnd, String group,
                     @JsonProperty(required = true) List<String> templates) {}

    record TemplateFile(@JsonProperty(required = true) String id, @JsonProperty(required = true) Integer version,
                        @JsonProperty(required = true) String sheet, @JsonProperty(required = true) String title,
                        ThresholdEntry commentThreshold,
                        @JsonProperty(required = true) List<ColumnEntry> columns,
                        @JsonProperty(required = true) List<LineEntry> lines,
                        BalanceEntry balance) {}

    record ThresholdEntry(@JsonProperty(required = true) BigDecimal tkr,
                          @JsonProperty(required = true) BigDecimal percent,
                          @JsonProperty(required = true) String ofColumn) {}

    record ColumnEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String heading,
                       String headingT3, @JsonProperty(required = true) String kind, String formula, String sameAs,
                       PrefillEntry prefill, String budget, Integer width) {}

    record PrefillEntry(@JsonProperty(required = true) String period, @JsonProperty(required = true) String column) {}

    record LineEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String label,
                     @JsonProperty(required = true) String kind, String sign, Boolean internal, List<String> sum,
                     String accounts) {}

    record BalanceEntry(@JsonProperty(required = true) String assets,
                        @JsonProperty(required = true) String equityAndLiabilities,
                        @JsonProperty(required = true) BigDecimal toleranceTkr,
                        @JsonProperty(required = true) String label) {}
}
