package se.tertial.report;

import org.junit.jupiter.api.Test;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;
import se.tertial.testkit.TestSpecs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed consolidation cases: every figure asserted, in plain code, no workbook or database. */
class ConsolidationTest {
    private final Map<UnitCode, UnitFacts> current = new HashMap<>();
    private final Map<UnitCode, UnitFacts> lastYear = new HashMap<>();
    private final Map<UnitCode, UnitFacts> bokslut = new HashMap<>();

    /** Facts as "template/LINE/COLUMN=tkr". */
    static UnitFacts unit(String code, String... facts) {
        Map<FactKey, Amount> m = new HashMap<>();
        for (String f : facts) {
            String[] kv = f.split("=");
            String[] k = kv[0].split("/");
            m.put(new FactKey(TemplateId.of(k[0]), LineCode.of(k[1]), ColumnCode.of(k[2])), Amount.ofTkr(kv[1]));
        }
        return new UnitFacts(UnitCode.of(code), 1, 1, Instant.EPOCH, m, Map.of());
    }

    private Figures compute(Set<String> rejected) {
        return Consolidation.compute(new ConsolidationInput(TestSpecs.catalog(), PeriodCode.parse("2022-T2"), current,
                lastYear, bokslut, rejected.stream().map(UnitCode::of).collect(java.util.stream.Collectors.toSet())));
    }

    private void put(UnitFacts f) {
        current.put(f.unit(), f);
    }

    private static Optional<Amount> tkr(String v) {
        return Optional.of(Amount.ofTkr(v));
    }

    @Test
    void namndsavvikelserFollowTheWorkedExampleOfTheSpec() {
        put(unit("FS-MED", "resultat/SUM_VNK/UTFALL=-1000000", "resultat/SUM_VNK/BUDGET_PERIOD=-980000",
                "resultat/SUM_VNK/AVV_PERIOD=-20000", "resultat/SUM_VNK/BUDGET_AR=-1500000",
                "resultat/SUM_VNK/PROGNOS=-1530000", "resultat/SUM_VNK/AVV_PROGNOS=-30000"));
        put(unit("FS-CENTRAL", "resultat/SUM_VNK/UTFALL=-50000", "resultat/SUM_VNK/BUDGET_PERIOD=-80000",
                "resultat/SUM_VNK/AVV_PERIOD=30000", "resultat/SUM_VNK/BUDGET_AR=-120000",
                "resultat/SUM_VNK/PROGNOS=-100000", "resultat/SUM_VNK/AVV_PROGNOS=20000"));
        put(unit("TIM-LT", "resultat/SUM_VNK/AVV_PERIOD=-1.5", "resultat/SUM_VNK/AVV_PROGNOS=0"));
        put(unit("RF", "resultat/SUM_VNK/AVV_PERIOD=2", "resultat/SUM_VNK/AVV_PROGNOS=-3"));
        Figures f = compute(Set.of("FS-KIR"));
        List<Figures.NamndRow> rows = f.namndsavvikelser();
        assertEquals(List.of("FS", "varav centralt", "varav verksamhetsområden", "ANA", "varav verksamhetsområde",
                "varav centralt", "TIM", "varav verksamhetsområde", "varav centralt", "RS", "varav verksamhetsområden",
                "varav centralt", "RSÖ", "varav riktade statsbidrag", "varav internränta/avskrivning mm",
                "varav pensioner mm", "RF", "Totalt"), rows.stream().map(r -> r.kind() == Figures.RowKind.NAMND
                ? r.namnd() : r.label()).toList(), "FS-PRIV comes first and is centralt; RF has a single group; "
                + "RSO-FINANS never enters");
        assertEquals(tkr("10000"), rows.get(0).period(), "FS: −20 + 30 mnkr");
        assertEquals(tkr("-10000"), rows.get(0).forecast());
        assertEquals(tkr("30000"), rows.get(1).period(), "varav centralt");
        assertEquals(tkr("-20000"), rows.get(2).period(), "varav verksamhetsområden");
        assertEquals(Optional.empty(), rows.get(3).period(), "ANA: nothing reported is empty, not zero");
        assertEquals(tkr("-1.5"), rows.get(6).period());
        assertEquals(tkr("0"), rows.get(6).forecast());
        assertEquals(tkr("2"), rows.get(16).period());
        assertEquals(tkr("10000.5"), rows.get(17).period(), "Totalt");
        assertEquals(tkr("-10003"), rows.get(17).forecast());
        Figures.UnitRow med = f.drilldowns().get(0).groups().get(1).units().get(2);
        assertEquals("FS-MED", med.unit());
        assertEquals(tkr("-1000000"), med.outcome());
        assertEquals(tkr("-1530000"), med.forecast());
        assertFalse(med.missing());
        assertTrue(f.drilldowns().get(0).groups().get(0).units().get(0).missing(), "FS-PRIV missing");
        assertEquals(16, f.missing().size());
        assertTrue(f.missing().contains("RSO-FINANS") && !f.missing().contains("FS-MED"));
        assertEquals(List.of("FS-KIR"), f.rejected());
    }

    @Test
    void resultatrakningEliminatesInternalTradeAndBuildsTheTotals() {
        put(unit("FS-MED", "resultat/INT_AVGIFTER/UTFALL=100", "resultat/KOST_LON/UTFALL=-500",
                "resultat/INT_INTERNA/UTFALL=50", "resultat/AVSKR/UTFALL=-10", "resultat/KOST_LON/PROGNOS=-700",
                "resultat/KOST_LON/AVV_PROGNOS=-20", "resultat/INT_INTERNA/AVV_PROGNOS=5"));
        put(unit("FS-CENTRAL", "resultat/KOST_INTERNA/UTFALL=-50", "resultat/KOST_OVRIGA/UTFALL=-0.25"));
        put(unit("RSO-FINANS", "finansiering/SKATT/UTFALL=1000", "finansiering/GSB_INKUTJ/UTFALL=200",
                "finansiering/GSB_KOSTUTJ/UTFALL=-30", "finansiering/FIN_TILLG/UTFALL=5", "finansiering/FIN_PENS/UTFALL=-3"));
        lastYear.put(UnitCode.of("FS-MED"), unit("FS-MED", "resultat/KOST_LON/UTFALL=-450"));
        Figures f = compute(Set.of());
        Map<String, Figures.RrLine> rr = new HashMap<>();
        f.resultatrakning().forEach(l -> rr.put(l.code(), l));
        assertEquals(tkr("100"), rr.get("VERK_INT").outcome(), "INT_INTERNA eliminated");
        assertEquals(tkr("-500.25"), rr.get("VERK_KOST").outcome(), "KOST_INTERNA eliminated");
        assertEquals(tkr("-10"), rr.get("AVSKR").outcome());
        assertEquals(tkr("-410.25"), rr.get("VNK").outcome());
        assertEquals(tkr("1000"), rr.get("SKATT").outcome());
        assertEquals(tkr("170"), rr.get("GSB").outcome());
        assertEquals(tkr("759.75"), rr.get("VR").outcome());
        assertEquals(tkr("5"), rr.get("FIN_TILLG").outcome());
        assertEquals(tkr("-3"), rr.get("FIN_PENS").outcome());
        assertEquals(tkr("761.75"), rr.get("REFP").outcome());
        assertEquals(Optional.empty(), rr.get("EXTRAORD").outcome(), "nobody reported extraordinary items");
        assertEquals(tkr("761.75"), rr.get("AR").outcome());
        assertEquals(tkr("-700"), rr.get("VERK_KOST").forecast());
        assertEquals(tkr("-20"), rr.get("VNK").deviation());
        assertEquals(tkr("-450"), rr.get("VERK_KOST").samePeriodLastYear());
        assertEquals(tkr("-450"), rr.get("VNK").samePeriodLastYear());
        assertEquals(Optional.empty(), rr.get("SKATT").samePeriodLastYear());
        assertEquals(Optional.empty(), rr.get("AR").lastYearBokslut(), "no bokslut stored: empty, not zero");
        Figures.Check internal = check(f, "INTERNHANDEL");
        assertEquals(tkr("0"), internal.difference());
        assertTrue(internal.ok(), "internal trade that nets");
        // Nämndsavvikelser total forecast (no SUM_VNK facts here) is empty, so the identity cannot be checked.
        assertFalse(check(f, "PROGNOS_IDENTITET").ok());
    }

    @Test
    void internalTradeThatDoesNotNetIsFlagged() {
        put(unit("FS-MED", "resultat/INT_INTERNA/UTFALL=50"));
        put(unit("RS-IT", "resultat/KOST_INTERNA/UTFALL=-48.5"));
        Figures.Check c = check(compute(Set.of()), "INTERNHANDEL");
        assertEquals(tkr("1.5"), c.difference());
        assertFalse(c.ok());
    }

    /**
     * Kontroller name the units a difference comes from (issue 25): internal trade per unit that does not net, the
     * unit with the balance sheet that does not balance, with their shares adding up to the region's difference;
     * the coverage check names the units missing; a passing check names nobody.
     */
    @Test
    void aFailingCheckNamesTheUnitsItsDifferenceComesFrom() {
        put(unit("FS-MED", "resultat/INT_INTERNA/UTFALL=50", "resultat/KOST_INTERNA/UTFALL=-20"));
        put(unit("RS-IT", "resultat/KOST_INTERNA/UTFALL=-28.5"));
        put(unit("FS-KIR", "resultat/INT_INTERNA/UTFALL=10", "resultat/KOST_INTERNA/UTFALL=-10"));
        put(unit("RSO-FINANS", "balans/BR_KASSA/UB=100", "balans/SUM_OMS/UB=100", "balans/SUM_TILLG/UB=100",
                "balans/BR_SKULD_KORT/UB=97", "balans/SUM_SKULD/UB=97", "balans/SUM_EKAS/UB=97"));
        ConsolidationInput in = new ConsolidationInput(TestSpecs.catalog(), PeriodCode.parse("2022-T2"), current,
                lastYear, bokslut, Set.of());
        Figures f = Consolidation.compute(in);
        Map<String, java.util.List<CheckSources.Source>> sources = CheckSources.of(in, f);
        assertEquals(tkr("1.5"), check(f, "INTERNHANDEL").difference());
        assertEquals(java.util.List.of(new CheckSources.Source("FS-MED", "Medicinsk vård", tkr("30")),
                new CheckSources.Source("RS-IT", "IT-centrum", tkr("-28.5"))), sources.get("INTERNHANDEL"),
                "largest share first; FS-KIR nets and is not named");
        assertEquals(tkr("3"), check(f, "BALANS").difference());
        assertEquals(java.util.List.of(new CheckSources.Source("RSO-FINANS", "Finansiering och balansräkning",
                tkr("3"))), sources.get("BALANS"));
        assertEquals(16, sources.get("UNDERLAG").size(), "the units without a version");
        assertTrue(sources.get("UNDERLAG").stream().allMatch(u -> u.difference().isEmpty()));
        assertTrue(sources.get("UNDERLAG").stream().noneMatch(u -> u.unit().equals("FS-MED")));
        for (var entry : sources.entrySet()) {
            assertFalse(check(f, entry.getKey()).ok(), "only failing checks name units: " + entry.getKey());
            java.util.List<Amount> shares = entry.getValue().stream().flatMap(u -> u.difference().stream()).toList();
            if (!shares.isEmpty() && !entry.getKey().equals("ARETS_RESULTAT")) {
                assertEquals(check(f, entry.getKey()).difference().orElseThrow(),
                        shares.stream().reduce(Amount.ZERO, Amount::plus), "shares add up: " + entry.getKey());
            }
        }
    }

    /** A growth over last year's units is blank when the units differ, with a note naming who is missing when. */
    @Test
    void aGrowthOverADifferentSetOfUnitsIsBlankWithItsNote() {
        put(unit("FS-MED", "resultat/KOST_LON/UTFALL=-410"));
        put(unit("FS-KIR", "resultat/KOST_LON/UTFALL=-2000"));
        put(unit("RSO-FINANS", "finansiering/SKATT/UTFALL=1000"));
        lastYear.put(UnitCode.of("FS-MED"), unit("FS-MED", "resultat/KOST_LON/UTFALL=-400"));
        lastYear.put(UnitCode.of("RS-IT"), unit("RS-IT", "resultat/KOST_LON/UTFALL=-100"));
        Figures f = compute(Set.of());
        Figures.Ratio growth = f.nyckeltal().stream().filter(r -> r.kind() == se.tertial.spec.ReportSpec.RatioKind.GROWTH)
                .findFirst().orElseThrow();
        assertEquals(Optional.empty(), growth.value(), "−2 410 over −500 would read as a 382 % increase");
        assertEquals(Optional.of("Jämförelsen med 2021 avser inte samma enheter och lämnas tom: FS-KIR saknas 2021; "
                + "RS-IT saknas 2022."), growth.note(), "the net cost comes from resultat: RSO-FINANS is no part of it");
        assertEquals(Optional.of("Jämförelsen med 2021 avser inte samma enheter och lämnas tom: FS-KIR, RSO-FINANS "
                + "saknas 2021; RS-IT saknas 2022."), f.comparison(),
                "the resultaträkning's prior-year columns also hold RSO-FINANS's finansiering");
        assertTrue(f.nyckeltal().stream().filter(r -> r != growth).allMatch(r -> r.note().isEmpty()));

        lastYear.put(UnitCode.of("FS-KIR"), unit("FS-KIR", "resultat/KOST_LON/UTFALL=-1900"));
        lastYear.remove(UnitCode.of("RS-IT"));
        Figures same = compute(Set.of());
        Figures.Ratio computed = same.nyckeltal().stream().filter(r -> r.kind()
                == se.tertial.spec.ReportSpec.RatioKind.GROWTH).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.04782608696"), computed.value().orElseThrow(), "−2 410 / −2 300 − 1");
        assertEquals(Optional.empty(), computed.note());
    }

    @Test
    void balansrakningNyckeltalAndChecks() {
        put(unit("RSO-FINANS",
                "balans/SUM_OMS/UB=3000", "balans/BR_SKULD_KORT/UB=2000", "balans/SUM_EK/UB=4000",
                "balans/SUM_TILLG/UB=10000", "balans/SUM_EKAS/UB=10000", "balans/BR_EK_ARETS/UB=761.75",
                "balans/BR_EK_ING/UB=3238.25",
                "finansiering/SKATT/UTFALL=1000", "finansiering/GSB_INKUTJ/UTFALL=170", "finansiering/FIN_TILLG/UTFALL=2"));
        put(unit("FS-MED", "resultat/KOST_LON/UTFALL=-410.25", "resultat/SUM_VNK/AVV_PROGNOS=-7",
                "resultat/KOST_LON/AVV_PROGNOS=-7"));
        lastYear.put(UnitCode.of("FS-MED"), unit("FS-MED", "resultat/KOST_LON/UTFALL=-400"));
        bokslut.put(UnitCode.of("RSO-FINANS"), unit("RSO-FINANS", "balans/SUM_EK/UB=3238.25", "balans/SUM_TILLG/UB=9000"));
        Figures f = compute(Set.of());
        Figures.BrLine tillg = f.balansrakning().stream().filter(l -> l.line().equals("SUM_TILLG")).findFirst().orElseThrow();
        assertEquals(tkr("10000"), tillg.value());
        assertEquals(tkr("9000"), tillg.lastYearBokslut());
        assertTrue(tillg.sum());
        assertTrue(f.balansrakning().stream().filter(l -> l.line().equals("BR_PANT")).findFirst().orElseThrow().memo());
        Map<String, Optional<BigDecimal>> ratios = new HashMap<>();
        f.nyckeltal().forEach(r -> ratios.put(r.label(), r.value()));
        assertEquals(new BigDecimal("1.5"), ratios.get("Likviditet").orElseThrow().stripTrailingZeros());
        assertEquals(new BigDecimal("0.4"), ratios.get("Soliditet").orElseThrow().stripTrailingZeros());
        assertEquals(new BigDecimal("1000.000"), ratios.get("Rörelsekapital").orElseThrow());
        assertEquals(new BigDecimal("0.350641025641"),
                ratios.get("Nettokostnad / skatteintäkter och generella statsbidrag").orElseThrow(), "410.25 / 1170");
        assertEquals(new BigDecimal("0.651068376068"), ratios.get(
                "Resultat efter finansiella poster / skatteintäkter och generella statsbidrag").orElseThrow(),
                "(−410.25 + 1170 + 2) / 1170");
        assertEquals(new BigDecimal("0.025625"), ratios.get("Nettokostnadsökning mot samma period föregående år")
                .orElseThrow().stripTrailingZeros(), "−410.25 / −400 − 1");
        assertTrue(check(f, "BALANS").ok());
        assertEquals(tkr("0"), check(f, "ARETS_RESULTAT").difference(), "BR 761.75 = RR 761.75");
        assertEquals(tkr("0"), check(f, "INGAENDE_EK").difference());
        assertEquals(tkr("0"), check(f, "PROGNOS_IDENTITET").difference(), "−7 = −7 + 0 internal");
        assertFalse(check(f, "UNDERLAG").ok(), "units are missing");
    }

    private static Figures.Check check(Figures f, String code) {
        return f.kontroller().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
