package se.tertial.spec;

import org.junit.jupiter.api.Test;
import se.tertial.testkit.ForbiddenWords;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words people read instead of codes: rule names, error headings, amounts, and the sweep's own judgement. */
class WordsForPeopleTest {
    @Test
    void everyRuleHasASwedishName() {
        for (String rule : ForbiddenWords.ruleCodes()) {
            assertNotEquals("Kontroll", FindingText.ruleName(rule), rule + " has no name of its own");
            assertTrue(ForbiddenWords.find(FindingText.ruleName(rule)).isEmpty(), rule);
        }
    }

    @Test
    void errorPagesAreHeadedInWords() {
        for (int status : List.of(400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503)) {
            String title = PageText.errorTitle(status);
            assertFalse(title.matches(".*\\d.*"), status + ": " + title);
        }
        assertEquals("Sidan finns inte", PageText.errorTitle(404));
    }

    @Test
    void amountsInMessagesAreSwedish() {
        assertEquals("−1\u00a0234,5678", CommonText.swedishNumber(new BigDecimal("-1234.5678")));
        assertEquals("1\u00a0234\u00a0567", CommonText.swedishNumber(new BigDecimal("1234567.000")));
        assertEquals("0,5", CommonText.swedishNumber(new BigDecimal("0.50")));
        assertEquals("−1\u00a0234,6 tkr", CommonText.tkrText(new BigDecimal("-1234.6")));
        String message = FindingText.tooManyDecimals(CommonText.swedishNumber(new BigDecimal("-1234.5678")));
        assertTrue(message.startsWith("Beloppet −1\u00a0234,5678 har"), message);
        assertFalse(message.contains("1234.5678"), message);
    }

    @Test
    void aPercentNeverBreaksFromItsNumber() {
        String rule = WorkbookText.instructionsComment("Resultat", new BigDecimal("1000"), new BigDecimal("5"))[1];
        assertTrue(rule.contains("5\u00a0% av årsbudgeten"), rule);
        assertTrue(ReportText.NYCKELTAL_NOTE.contains("25\u00a0%"), ReportText.NYCKELTAL_NOTE);
    }

    @Test
    void theSweepFindsCodesAndRoutesButNotSwedishWords() {
        assertEquals(1, ForbiddenWords.find("Resultat: accepted_with_warnings").size());
        assertEquals(1, ForbiddenWords.find("Användare skapad: anna (finance)").size());
        assertEquals(1, ForbiddenWords.find("Regel: comment_missing").size());
        assertEquals(1, ForbiddenWords.find("Finans skapar den med POST /api/periods.").size());
        assertEquals(1, ForbiddenWords.find("Fel 404").size());
        assertEquals(List.of(), ForbiddenWords.find("mottagen med varningar, Kommentar saknas, rad Lokalkostnader "
                + "(KOST_LOKAL), ekonomi, controller, Sidan finns inte, Fel och varningar, felen markerade"));
        assertEquals(List.of(), ForbiddenWords.find(ApiText.unknownPeriod("2022-T2")));
        assertEquals(List.of(), ForbiddenWords.find(String.join(" ", List.of(ApiText.CONTROLLER_NEEDS_UNITS,
                MailText.MAIL_NOT_CONFIGURED))));
    }
}
