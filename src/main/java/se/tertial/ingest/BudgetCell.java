package se.tertial.ingest;

import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

/** One amount of a budget workbook: unit, template, line and budget column (BUDGET_AR, BUDGET_T1, BUDGET_T2). */
public record BudgetCell(UnitCode unit, TemplateId template, LineCode line, String column) {}
