package se.tertial.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the audit log records, with the Swedish name shown on the audit page and in its .xlsx. */
public enum AuditKind {
    SIGN_IN("Inloggning"),
    SIGN_IN_FAILED("Misslyckad inloggning"),
    PASSWORD_CHANGED("Lösenord bytt"),
    UPLOAD("Uppladdning"),
    APPROVE("Godkännande"),
    RETURN("Återsändning"),
    REOPEN("Återöppning"),
    LOCK("Period låst"),
    UNLOCK("Period upplåst"),
    PERIOD_CREATED("Period skapad"),
    DEADLINE_CHANGED("Sista dag ändrad"),
    BUDGET_LOADED("Budget inläst"),
    USER_CREATED("Användare skapad"),
    USER_CHANGED("Användare ändrad"),
    USER_DEACTIVATED("Användare inaktiverad"),
    KEY_CREATED("API-nyckel skapad"),
    KEY_REVOKED("API-nyckel återkallad"),
    MAIL_TEST("Testmejl skickat"),
    REMINDER("Påminnelse skickad"),
    DOWNLOAD_ORIGINAL("Originalfil hämtad"),
    DOWNLOAD_ANNOTATED("Granskad arbetsbok hämtad"),
    DOWNLOAD_REPORT("Rapport hämtad"),
    FEED_READ("Data hämtad till Excel");

    private final String swedish;

    AuditKind(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    /** As stored and in JSON: "sign_in_failed". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
