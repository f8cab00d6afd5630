package se.tertial.ingest;

import org.junit.jupiter.api.Test;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.CommentThreshold;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Severity;
import se.tertial.spec.TemplateId;
import se.tertial.spec.TemplateSpec;
import se.tertial.testkit.TestSpecs;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules as pure functions over values: no workbook, no database. */
class RulesTest {
    private static final TemplateSpec RESULTAT = TestSpecs.catalog().current(TemplateId.of("resultat"));
    private static final TemplateSpec BALANS = TestSpecs.catalog().current(TemplateId.of("balans"));
    private static final PeriodCode T2 = PeriodCode.parse("2022-T2");

    private final Map<LineCode, Map<ColumnCode, Amount>> entered = new HashMap<>();
    private final Map<LineCode, String> comments = new HashMap<>();

    private RulesTest put(String line, String column, String tkr) {
        entered.computeIfAbsent(LineCode.of(line), k -> new HashMap<>()).put(ColumnCode.of(column), Amount.ofTkr(tkr));
        return this;
    }

    private SheetValues values(TemplateSpec spec, PeriodCode period) {
        return new SheetValues(spec, period, entered, comments);
    }

    @Test
    void recomputesSumsAndDeviationsAndLeavesUntouchedColumnsAbsent() {
        put("INT_AVGIFTER", "UTFALL", "100.5").put("INT_INTERNA", "UTFALL", "20").put("KOST_LON", "UTFALL", "-300")
                .put("AVSKR", "UTFALL", "-10").put("KOST_LON", "BUDGET_PERIOD", "-250");
        SheetValues v = values(RESULTAT, T2);
        assertEquals(Optional.of(Amount.ofTkr("120.5")), v.value(LineCode.of("SUM_INT"), ColumnCode.of("UTFALL")));
        assertEquals(Optional.of(Amount.ofTkr("-189.5")), v.value(LineCode.of("SUM_VNK"), ColumnCode.of("UTFALL")));
        assertEquals(Optional.of(Amount.ofTkr("-50")), v.value(LineCode.of("KOST_LON"), ColumnCode.of("AVV_PERIOD")));
        assertEquals(Optional.of(Amount.ofTkr("60.5")), v.value(LineCode.of("SUM_VNK"), ColumnCode.of("AVV_PERIOD")));
        assertEquals(Optional.empty(), v.value(LineCode.of("SUM_VNK"), ColumnCode.of("UTFALL_FG")), "nothing entered");
        assertEquals(Optional.empty(), v.value(LineCode.of("KOST_LON"), ColumnCode.of("PROGNOS")));
        assertFalse(v.facts().containsKey(new FactKey(RESULTAT.id(), LineCode.of("SUM_VNK"), ColumnCode.of("PROGNOS"))));
    }

    @Test
    void atYearEndTheForecastIsTheOutcome() {
        put("KOST_LON", "UTFALL", "-300").put("KOST_LON", "BUDGET_AR", "-280");
        SheetValues v = values(RESULTAT, PeriodCode.parse("2022-T3"));
        assertEquals(Optional.of(Amount.ofTkr("-300")), v.value(LineCode.of("KOST_LON"), ColumnCode.of("PROGNOS")));
        assertEquals(Optional.of(Amount.ofTkr("-20")), v.value(LineCode.of("KOST_LON"), ColumnCode.of("AVV_PROGNOS")));
    }

    @Test
    void warnsAboutRevenuesEnteredNegativeAndCostsPositive() {
        put("INT_AVGIFTER", "UTFALL", "-5").put("KOST_LON", "BUDGET_AR", "7").put("KOST_LAKEMEDEL", "UTFALL", "-7")
                .put("INT_OVRIGA", "UTFALL", "0");
        List<Finding> f = SignRule.check(values(RESULTAT, T2));
        assertEquals(List.of("C3", "F9"), f.stream().map(Finding::cell).toList());
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING && x.rule().equals("sign")));
        assertTrue(f.get(0).message().matches("Blad Resultat, cell C3 \\(rad Patient- och trafikavgifter "
                + "\\(INT_AVGIFTER\\), kolumn Utfall jan–aug \\d{4}\\): Kontrollera tecken.*"), f.get(0).message());
    }

    @Test
    void demandsACommentFromTheThresholdOnTheCommentCell() {
        // 5 % of |−120 000| = 6 000 tkr is the limit for KOST_LON; 1 000 tkr for INT_AVGIFTER.
        put("KOST_LON", "UTFALL", "-86000").put("KOST_LON", "BUDGET_PERIOD", "-80000").put("KOST_LON", "BUDGET_AR", "-120000");
        put("INT_AVGIFTER", "UTFALL", "900").put("INT_AVGIFTER", "BUDGET_PERIOD", "0");
        put("KOST_LAKEMEDEL", "UTFALL", "-5999").put("KOST_LAKEMEDEL", "BUDGET_PERIOD", "0")
                .put("KOST_LAKEMEDEL", "BUDGET_AR", "-120000");
        List<Finding> f = CommentRule.check(values(RESULTAT, T2));
        assertEquals(List.of("K9"), f.stream().map(Finding::cell).toList(), "exactly at the limit needs a comment");
        assertEquals("comment_missing", f.get(0).rule());
        assertEquals(Severity.ERROR, f.get(0).severity());
        comments.put(LineCode.of("KOST_LON"), "Högre lönekostnader efter avtal.");
        assertEquals(List.of(), CommentRule.check(values(RESULTAT, T2)));
    }

    @Test
    void commentLimitIsTheLargerOfAbsoluteAndPercent() {
        CommentThreshold t = RESULTAT.commentThreshold().orElseThrow();
        assertEquals(Amount.ofTkr("1000"), CommentRule.limit(t, Amount.ofTkr("-19999")));
        assertEquals(Amount.ofTkr("1000.05"), CommentRule.limit(t, Amount.ofTkr("-20001")));
        assertEquals(new BigDecimal("5"), t.percent());
    }

    @Test
    void rejectsABalanceSheetThatDoesNotBalanceOnTheTotalCell() {
        put("BR_KASSA", "UB", "1000").put("BR_EK_ING", "UB", "999");
        List<Finding> f = BalanceRule.check(values(BALANS, T2));
        assertEquals(1, f.size());
        assertEquals("C23", f.get(0).cell());
        assertEquals("SUM_EKAS", f.get(0).line());
        entered.clear();
        put("BR_KASSA", "UB", "1000").put("BR_EK_ING", "UB", "999.001");
        assertEquals(List.of(), BalanceRule.check(values(BALANS, T2)), "a difference under 1 tkr is tolerated");
    }

    @Test
    void warnsWhenALineMovesMoreThanTenfoldAgainstLastYear() {
        put("KOST_LON", "UTFALL", "-1001").put("KOST_LAKEMEDEL", "UTFALL", "-1000").put("INT_AVGIFTER", "UTFALL", "5");
        Map<FactKey, Amount> lastYear = Map.of(
                key("KOST_LON", "UTFALL"), Amount.ofTkr("-100"),
                key("KOST_LAKEMEDEL", "UTFALL"), Amount.ofTkr("-100"),
                key("INT_AVGIFTER", "UTFALL"), Amount.ofTkr("51"));
        List<Finding> f = TenfoldRule.check(values(RESULTAT, T2), Optional.of(lastYear));
        assertEquals(List.of("C3", "C9"), f.stream().map(Finding::cell).sorted().toList());
        // Without a stored submission, the workbook's own UTFALL_FG column is last year.
        entered.clear();
        put("KOST_LON", "UTFALL", "-1001").put("KOST_LON", "UTFALL_FG", "-100");
        assertEquals(1, TenfoldRule.check(values(RESULTAT, T2), Optional.empty()).size());
        assertTrue(TenfoldRule.isTenfold(Amount.ofTkr("0.5"), Amount.ofTkr("-5.001")));
        assertFalse(TenfoldRule.isTenfold(Amount.ofTkr("0"), Amount.ofTkr("-5")));
    }

    @Test
    void rejectsEveryBudgetCellThatDiffersFromTheLoadedBudget() {
        put("KOST_LON", "BUDGET_AR", "-120000").put("KOST_LON", "BUDGET_PERIOD", "-80000")
                .put("INT_AVGIFTER", "BUDGET_AR", "1");
        Map<FactKey, Amount> budget = Map.of(key("KOST_LON", "BUDGET_AR"), Amount.ofTkr("-120000"),
                key("KOST_LON", "BUDGET_PERIOD"), Amount.ofTkr("-79000"),
                key("KOST_LAKEMEDEL", "BUDGET_AR"), Amount.ofTkr("-5"));
        List<Finding> f = BudgetRule.check(values(RESULTAT, T2), Optional.of(budget));
        assertEquals(List.of("D9", "F13", "F3"), f.stream().map(Finding::cell).sorted().toList());
        assertEquals(List.of(), BudgetRule.check(values(RESULTAT, T2), Optional.empty()), "no budget loaded");
    }

    private static FactKey key(String line, String column) {
        return new FactKey(RESULTAT.id(), LineCode.of(line), ColumnCode.of(column));
    }
}
