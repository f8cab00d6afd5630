package se.tertial.spec;

/**
 * What a {@link ColumnKind#BUDGET} column holds: the budget for the whole year, or for the period (jan–apr, jan–aug;
 * at year end the period is the year).
 */
public enum BudgetScope {
    YEAR, PERIOD
}
