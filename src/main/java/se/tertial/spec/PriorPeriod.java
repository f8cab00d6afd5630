package se.tertial.spec;

/** Which earlier period a {@link ColumnKind#PRIOR} column is prefilled from. */
public enum PriorPeriod {
    SAME_PERIOD_LAST_YEAR, LAST_YEAR_BOKSLUT;

    public PeriodCode resolve(PeriodCode period) {
        return this == SAME_PERIOD_LAST_YEAR ? period.samePeriodLastYear() : period.lastYearBokslut();
    }
}
