package se.tertial.app;

import org.junit.jupiter.api.Test;
import se.tertial.store.AuditEvent;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit log stores codes (JSON keeps them) and shows people words. */
class AuditWordsTest {
    private static String shown(String kind, String detail) {
        return AuditService.detailInWords(AuditEvent.of(Instant.EPOCH, "anna", Actor.WEB, null, kind).detail(detail))
                .orElseThrow();
    }

    @Test
    void outcomesAndRolesAreShownInWords() {
        assertEquals("mottagen med varningar", shown("upload", "accepted_with_warnings"));
        assertEquals("mottagen", shown("upload", "accepted"));
        assertEquals("ej behörig", shown("upload", "forbidden"));
        assertEquals("2023: avvisad, 0 belopp", shown("budget_loaded", "2023: rejected, 0 belopp"));
        assertEquals("eva (ekonomi)", shown("user_created", "eva (finance)"));
        assertEquals("fritext om accepterade siffror", shown("user_changed", "fritext om accepterade siffror"));
        assertEquals("Uppladdning", AuditService.kindInWords("upload"));
        assertEquals("okänd_typ", AuditService.kindInWords("okänd_typ"));
    }
}
