package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.Finding;

import java.util.List;
import java.util.Map;

/** A read budget workbook: its findings, and (when there is no error) every amount. */
public record BudgetResult(List<Finding> findings, Map<BudgetCell, Amount> amounts) {
    public BudgetResult {
        findings = List.copyOf(findings);
        amounts = Map.copyOf(amounts);
    }

    public Outcome outcome() {
        if (findings.stream().anyMatch(Finding::isError)) {
            return Outcome.REJECTED;
        }
        return findings.isEmpty() ? Outcome.ACCEPTED : Outcome.ACCEPTED_WITH_WARNINGS;
    }
}
