package se.tertial.testkit;

import se.tertial.spec.Unit;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole region's round, uploaded over real HTTP: every unit reports consistent figures (small deviations, no
 * missing comments), FS-MED and RS-IT trade internally and it nets, RSO-FINANS reports taxes, grants, finance net
 * and a balance sheet that balances and whose year result equals the resultaträkning's. The expected figures are
 * computed here, independently of tertial's consolidation.
 */
public final class RegionFixture {
    public final TestServer server;
    public final List<String> resultatUnits = new ArrayList<>();
    /** Per unit: SUM_VNK period deviation and forecast deviation, tkr. */
    public final Map<String, BigDecimal[]> deviations = new LinkedHashMap<>();
    public BigDecimal verkInt = BigDecimal.ZERO;
    public BigDecimal verkKost = BigDecimal.ZERO;
    public BigDecimal avskr = BigDecimal.ZERO;
    public BigDecimal arsResultat;
    public static final BigDecimal SKATT = new BigDecimal("600000");
    public static final BigDecimal GSB = new BigDecimal("100000");
    public static final BigDecimal FIN_TILLG = new BigDecimal("1000");
    public static final BigDecimal FIN_PENS = new BigDecimal("-2000");

    public RegionFixture(TestServer server, String period, List<String> skip) {
        this.server = server;
        server.createPeriod(period);
        boolean yearEnd = period.endsWith("T3");
        int i = 0;
        for (Unit u : TestSpecs.catalog().organisation().units()) {
            if (!u.templates().contains(se.tertial.spec.TemplateId.of("resultat"))) {
                continue;
            }
            String code = u.code().value();
            resultatUnits.add(code);
            BigDecimal n = BigDecimal.valueOf(i++);
            if (skip.contains(code)) {
                continue;
            }
            FilledTemplate t = FilledTemplate.of(code, period)
                    .set("Resultat", "INT_AVGIFTER", "UTFALL", str(n.add(bd(1000)))).set("Resultat", "INT_AVGIFTER", "BUDGET_PERIOD", "1000")
                    .set("Resultat", "INT_AVGIFTER", "BUDGET_AR", "1500")
                    .set("Resultat", "KOST_LON", "UTFALL", str(bd(-20000).subtract(n.multiply(bd(10)))))
                    .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-20000").set("Resultat", "KOST_LON", "BUDGET_AR", "-30000")
                    .set("Resultat", "AVSKR", "UTFALL", "-100").set("Resultat", "AVSKR", "BUDGET_PERIOD", "-100")
                    .set("Resultat", "AVSKR", "BUDGET_AR", "-150")
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", "Kommentar från " + code + ".");
            if (!yearEnd) {
                // At year end the forecast is the outcome, a formula the unit does not fill in.
                t.set("Resultat", "INT_AVGIFTER", "PROGNOS", str(n.add(bd(1500))))
                        .set("Resultat", "KOST_LON", "PROGNOS", str(bd(-30000).subtract(n.multiply(bd(5)))))
                        .set("Resultat", "AVSKR", "PROGNOS", "-150");
            }
            if (code.equals("FS-MED")) {
                internal(t, "INT_INTERNA", "500", yearEnd);
            } else if (code.equals("RS-IT")) {
                internal(t, "KOST_INTERNA", "-500", yearEnd);
            }
            upload(t);
            deviations.put(code, new BigDecimal[] {n.subtract(n.multiply(bd(10))), n.subtract(n.multiply(bd(5)))});
            verkInt = verkInt.add(n.add(bd(1000)));
            verkKost = verkKost.add(bd(-20000).subtract(n.multiply(bd(10))));
            avskr = avskr.add(bd(-100));
        }
        arsResultat = verkInt.add(verkKost).add(avskr).add(SKATT).add(GSB).add(FIN_TILLG).add(FIN_PENS);
        if (!skip.contains("RSO-FINANS")) {
            FilledTemplate f = FilledTemplate.of("RSO-FINANS", period);
            fin(f, "SKATT", SKATT, yearEnd);
            fin(f, "GSB_INKUTJ", GSB, yearEnd);
            fin(f, "FIN_TILLG", FIN_TILLG, yearEnd);
            fin(f, "FIN_PENS", FIN_PENS, yearEnd);
            BigDecimal kassa = bd(300000).add(arsResultat).add(bd(100000)).add(bd(150000)).subtract(bd(500000));
            f.set("Balans", "BR_MARK", "UB", "500000").set("Balans", "BR_KASSA", "UB", str(kassa))
                    .set("Balans", "BR_EK_ING", "UB", "300000").set("Balans", "BR_EK_ARETS", "UB", str(arsResultat))
                    .set("Balans", "BR_AVS_PENS", "UB", "100000").set("Balans", "BR_SKULD_KORT", "UB", "150000")
                    .set("Balans", "BR_ANSV_PENS", "UB", "42");
            upload(f);
        }
    }

    private void upload(FilledTemplate t) {
        HttpResponse<byte[]> r = server.upload(server.admin, t.bytes());
        if (r.statusCode() != 201) {
            throw new AssertionError("fixture upload refused: " + new String(r.body()));
        }
    }

    private static void internal(FilledTemplate t, String line, String amount, boolean yearEnd) {
        t.set("Resultat", line, "UTFALL", amount).set("Resultat", line, "BUDGET_PERIOD", amount)
                .set("Resultat", line, "BUDGET_AR", amount);
        if (!yearEnd) {
            t.set("Resultat", line, "PROGNOS", amount);
        }
    }

    private static void fin(FilledTemplate f, String line, BigDecimal v, boolean yearEnd) {
        f.set("Finansiering", line, "UTFALL", str(v)).set("Finansiering", line, "BUDGET_PERIOD", str(v))
                .set("Finansiering", line, "BUDGET_AR", str(v));
        if (!yearEnd) {
            f.set("Finansiering", line, "PROGNOS", str(v));
        }
    }

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }

    private static String str(BigDecimal v) {
        return v.toPlainString();
    }
}
