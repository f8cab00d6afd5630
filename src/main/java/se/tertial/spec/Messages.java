package se.tertial.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Every Swedish user-facing text of tertial in one place, so wording stays consistent and testable. Grouped by the
 * stage that shows it; the texts for workbooks and HTTP live in their own sections below.
 */
public final class Messages {
    public static final String INSTRUCTIONS_SHEET = "Instruktioner";

    private Messages() {}

    // --- codes and periods ---

    public static String invalidCode(String kind, String value) {
        return "Ogiltig " + kind + " \"" + value + "\": endast versaler A–Ö, siffror, _ och - är tillåtna.";
    }

    public static String invalidPeriod(String text) {
        return "Ogiltig period \"" + text + "\": ange år och tertial som ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-T3, t.ex. 2022-T2.";
    }

    public static String invalidPeriodYear(int year) {
        return "Ogiltigt år " + year + " i perioden: året ska ligga mellan 1990 och 2999.";
    }

    /** "Tertial 2 2022 (jan–aug)" or "Bokslut 2022 (jan–dec)". */
    public static String periodName(PeriodCode p) {
        return (p.isYearEnd() ? "Bokslut " + p.year() : "Tertial " + p.tertial() + " " + p.year())
                + " (" + p.monthRange() + ")";
    }

    // --- spec files ---

    public static String specProblems(List<String> problems) {
        return "Mallfilerna innehåller fel (" + problems.size() + "):\n  " + String.join("\n  ", problems);
    }

    public static String specDirMissing(Path dir) {
        return "Hittar inte mappen med mallar och organisation: " + dir.toAbsolutePath()
                + ". Ange den med --templates eller TERTIAL_TEMPLATES.";
    }

    public static String specUnknownFile() {
        return "okänd fil: mallar heter <id>.v<version>.json (t.ex. resultat.v1.json), organisationen organisation.json";
    }

    public static String specFileNameMismatch(String id, int version) {
        return "filnamnet stämmer inte med innehållet (id \"" + id + "\", version " + version
                + "); filen ska heta " + id + ".v" + version + ".json";
    }

    public static String specUnexpectedShape() {
        return "filen har inte den form tertial väntar sig (t.ex. null eller en lista där ett objekt ska stå); "
                + "jämför med exempelfilerna i workbook-templates/";
    }

    public static String specDuplicate(String kind, String value) {
        return kind + " \"" + value + "\" förekommer mer än en gång";
    }

    public static String specJsonError(String path, String detail) {
        return (path.isEmpty() ? "" : "vid " + path + ": ") + "ogiltig JSON: " + detail;
    }

    public static String specFileUnreadable(String detail) {
        return "filen kan inte läsas: " + detail;
    }

    public static String specVersionInvalid(int version) {
        return "versionen måste vara 1 eller högre, men är " + version;
    }

    public static String specSheetNameInvalid(String sheet) {
        return "ogiltigt bladnamn \"" + sheet + "\": högst 31 tecken, inga [ ] : * ? / \\, får inte börja med _ "
                + "eller heta " + INSTRUCTIONS_SHEET;
    }

    public static String specOnlyFor(String field, String kind) {
        return "\"" + field + "\" är bara tillåtet när kind är \"" + kind + "\"";
    }

    public static String specMissing(String field) {
        return "\"" + field + "\" saknas";
    }

    public static String specHeadingInvalid(String heading) {
        return "rubriken \"" + heading + "\" innehåller en okänd platshållare; tillåtna är {months} {year} "
                + "{prevYear} {periodEnd} {tertial}";
    }

    public static String specWidthInvalid(int width) {
        return "kolumnbredden " + width + " ska ligga mellan 4 och 120 tecken";
    }

    public static String specFormulaInvalid(String formula) {
        return "formeln \"" + formula + "\" ska ha formen KOLUMN - KOLUMN (eller +), med mellanslag runt tecknen";
    }

    public static String specUnknownReference(String kind, String ref) {
        return "hänvisar till " + kind + " \"" + ref + "\", som inte finns";
    }

    public static String specSumOfMemo(String ref) {
        return "summerar memorian-raden \"" + ref + "\"; memoriarader ingår aldrig i summor";
    }

    public static String specSumCycle(String code) {
        return "summan \"" + code + "\" ingår i sig själv (cirkelreferens)";
    }

    public static String specNegative(BigDecimal value) {
        return "värdet får inte vara negativt, men är " + value.toPlainString();
    }

    public static String specEnumInvalid(String value, List<String> allowed) {
        return "ogiltigt värde \"" + value + "\"; tillåtna värden: " + String.join(", ", allowed);
    }

    public static String specNamndWithoutUnits() {
        return "nämnden har inga enheter";
    }

    public static String unknownPlaceholder(String name, String template) {
        return "okänd platshållare {" + name + "} i \"" + template + "\"";
    }

    public static String invalidSign(String symbol) {
        return "ogiltigt tecken \"" + symbol + "\"; tillåtna: +, -, ±";
    }

    // --- template workbooks ---

    public static final String HEADING_LINE_CODE = "Radkod";
    public static final int COMMENT_MAX = 2000;
    public static final String VALIDATION_AMOUNT_TITLE = "Ogiltigt belopp";
    public static final String VALIDATION_AMOUNT_TEXT = "Ange ett belopp i tkr med siffror (högst tre decimaler). "
            + "Intäkter anges positiva, kostnader negativa.";
    public static final String VALIDATION_COMMENT_TITLE = "För lång kommentar";
    public static final String VALIDATION_COMMENT_TEXT = "En kommentar får vara högst 2 000 tecken.";
    public static final String NO_DEADLINE = "ej fastställd";

    public static String pageFooter(String page, String pages) {
        return "Sida " + page + " av " + pages;
    }

    public static String instructionsTitle(PeriodCode period, String unitName) {
        return "Tertialrapport " + periodName(period) + " – " + unitName;
    }

    /** The rows of the Instruktioner sheet that do not depend on the templates: label and text. */
    public static List<String[]> instructionsIntro(String region, String unit, String namnd, PeriodCode period,
                                                  String deadline, String sheets) {
        return List.of(
                new String[] {"Region", region},
                new String[] {"Enhet", unit},
                new String[] {"Nämnd", namnd},
                new String[] {"Period", periodName(period) + ", utfall ackumulerat från 1 januari till "
                        + period.endDate()},
                new String[] {"Sista dag för inlämning", deadline},
                new String[] {"Blad att fylla i", sheets},
                new String[] {"Belopp", "Alla belopp anges i tkr (tusentals kronor), med högst tre decimaler "
                        + "(hela kronor)."},
                new String[] {"Teckenregel", "Intäkter anges positiva och kostnader negativa, som i "
                        + "resultaträkningen. Avvikelse = utfall − budget, så en positiv avvikelse är alltid bättre "
                        + "än budget. En intäkt med minustecken eller en kostnad med plustecken ger en varning "
                        + "(\"kontrollera tecken\"), inget fel."});
    }

    public static String[] instructionsComment(String sheet, BigDecimal tkr, BigDecimal percent) {
        return new String[] {"Analys / kommentar (" + sheet + ")", "En rad måste ha en analys/kommentar när "
                + "avvikelsen mot periodbudget eller prognosavvikelsen är minst " + grouped(tkr) + " tkr, eller "
                + percent.stripTrailingZeros().toPlainString() + " % av årsbudgeten om det beloppet är större. "
                + "Saknas kommentaren avvisas filen."};
    }

    public static String[] instructionsBalance(String sheet, BigDecimal toleranceTkr) {
        return new String[] {"Balanskontroll (" + sheet + ")", "Balansräkningen måste balansera: summa tillgångar "
                + "ska vara lika med summa eget kapital, avsättningar och skulder (skillnad under "
                + grouped(toleranceTkr) + " tkr). Kontrollraden under tabellen visar skillnaden."};
    }

    public static List<String[]> instructionsOutro(String uploadUrl, String generated) {
        return List.of(
                new String[] {"Så fyller du i", "Fyll i de gula cellerna. Grå celler är förifyllda (t.ex. utfall "
                        + "och bokslut från föregående år) och vita celler med belopp räknas fram automatiskt. "
                        + "Bladen är skyddade så att bara de gula cellerna kan ändras."},
                new String[] {"Ändra inte", "Radkoderna i kolumn A, rubrikerna, bladnamnen och det dolda "
                        + "bladet med metadata: tertial känner igen filen och raderna på dem. Filnamnet spelar "
                        + "ingen roll och får ändras."},
                new String[] {"Inlämning", "Ladda upp den ifyllda filen i tertial: " + uploadUrl
                        + ". Du får direkt besked om filen är mottagen, och annars tillbaka din egen fil med "
                        + "varje fel markerat. Ekonomi granskar sedan rapporten och godkänner den eller sänder "
                        + "tillbaka den med en fråga."},
                new String[] {"Om filen", generated});
    }

    public static String instructionsGenerated(String at, String tertialVersion, String templates) {
        return "Skapad " + at + " av tertial " + tertialVersion + " (mall " + templates + ").";
    }

    /** 1000 → "1 000" (Swedish thousands grouping with a no-break space, as Excel shows it). */
    public static String grouped(BigDecimal value) {
        java.text.DecimalFormatSymbols sv = java.text.DecimalFormatSymbols.getInstance(new java.util.Locale("sv", "SE"));
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.###", sv);
        return f.format(value).replace('\u2212', '−');
    }

    // --- requests (HTTP and CLI) ---

    public static String unknownUnit(String code) {
        return "Okänd enhet \"" + code + "\": den finns inte i organisationen.";
    }

    public static String unknownPeriod(String code) {
        return "Perioden " + code + " finns inte ännu. Ekonomi öppnar den under Perioder i tertial.";
    }

    public static String periodExists(String code) {
        return "Perioden " + code + " finns redan.";
    }

    public static String invalidDeadline(String text) {
        return "Ogiltigt datum för sista inlämningsdag \"" + text + "\": ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2022-09-09.";
    }

    public static String missingField(String field) {
        return "Fältet \"" + field + "\" saknas i begäran.";
    }

    public static String invalidJsonBody() {
        return "Begäran är inte giltig JSON. Skicka t.ex. {\"code\": \"2022-T2\", \"deadline\": \"2022-09-09\"}.";
    }

    public static String notFoundPath(String path) {
        return "Adressen " + path + " finns inte.";
    }

    public static String methodNotAllowed(String method, String path) {
        return "Metoden " + method + " är inte tillåten för " + path + ".";
    }

    public static final String FORBIDDEN = "Du saknar behörighet för den här åtgärden.";
    public static final String INTERNAL_ERROR = "Ett oväntat fel inträffade i tertial. Felet är loggat; "
            + "försök igen eller kontakta förvaltningen av tertial.";
    public static final String TOO_LARGE = "Begäran är för stor.";

    public static String zipFileName(PeriodCode period) {
        return "Tertialrapport " + period + " alla enheter.zip";
    }

    // --- uploads: files that cannot be read ---

    public static final String FILE_NOT_A_WORKBOOK = "Filen är inte en Excel-arbetsbok (.xlsx eller .xls). Ladda upp "
            + "den ifyllda mallen från tertial; filnamnet spelar ingen roll men innehållet måste vara en arbetsbok.";
    public static final String FILE_MACROS = "Arbetsboken innehåller makron (.xlsm eller VBA-projekt). Av "
            + "säkerhetsskäl tar tertial inte emot makroaktiverade filer: spara som vanlig arbetsbok (.xlsx) och "
            + "ladda upp igen.";
    public static final String FILE_ENCRYPTED = "Arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas. "
            + "Ta bort lösenordet för att öppna filen och ladda upp igen.";
    public static final String FILE_CORRUPT = "Filen är skadad eller ofullständig och kan inte läsas som arbetsbok. "
            + "Öppna den i Excel, spara den på nytt och ladda upp igen.";

    public static final String CELL_TOO_LONG = "en text längre än Excels gräns på 32 767 tecken";
    public static final String CELL_UNREADABLE = "ett värde som inte går att läsa";

    /** How an unreadable cell is described in a finding: "ett ogiltigt värde (\"NaN\")". */
    public static String unreadableCell(String raw) {
        if (raw.equals(CELL_TOO_LONG) || raw.equals(CELL_UNREADABLE)) {
            return raw;
        }
        return "ett ogiltigt värde (\"" + raw + "\") som inget kalkylprogram skriver";
    }

    public static String uploadTimedOut(java.time.Duration limit) {
        return "Arbetsboken tog längre tid än " + limit.toSeconds() + " sekunder att läsa och kontrollera och har "
                + "inte tagits emot. En ifylld mall tar en bråkdel av en sekund; ta bort data, formler och blad som "
                + "inte hör till mallen och ladda upp igen.";
    }

    public static String outsideTemplateArea(String sheet, long count, String first) {
        return "Bladet " + sheet + " innehåller " + count + " ifyllda celler utanför mallens område (den första i "
                + first + "). tertial läser bara mallens rader och kolumner; ta bort det som inte hör till mallen och "
                + "ladda upp igen.";
    }

    public static final String NO_AMOUNTS = "Arbetsboken innehåller inga inmatade belopp: inga utfall, budgetar eller "
            + "prognoser är ifyllda. Kontrollera att du laddar upp den ifyllda mallen och inte den tomma.";

    public static String templateSetMismatch(String unit, List<String> found, List<String> expected) {
        return "Arbetsboken innehåller mallarna " + String.join(", ", found) + ", men enheten " + unit + " lämnar "
                + String.join(", ", expected) + ". Ladda ner enhetens egen mall från tertial och fyll i den.";
    }

    public static String specChecksumMismatch(String id, int version) {
        return "Mallen \"" + id + "\" version " + version + " i arbetsboken stämmer inte med tertials mall av samma "
                + "version (kontrollsumman skiljer sig): metadata i det dolda bladet _tertial har ändrats. Ladda ner "
                + "en ny mall och för över dina uppgifter.";
    }

    // --- starting the service ---

    public static String storeBeingRestored(Path dir) {
        return "Databasen i " + dir + " återställs just nu (tertial store restore). Vänta tills det är klart.";
    }

    public static String databaseUrlUnsupported(String url) {
        return "Databasadressen måste vara en PostgreSQL-adress (jdbc:postgresql://värd:5432/databas); utan adress "
                + "används SQLite-filen i datamappen. Fick: " + url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public static String databaseUnreachable(String where, String detail) {
        return "Databasen " + where + " går inte att nå: " + detail;
    }

    public static String copyTargetNotEmpty(String where) {
        return "Databasen " + where + " innehåller redan uppgifter i tertials tabeller. Inget har skrivits. Ange "
                + "--replace för att tömma den och kopiera ändå (allt som finns där nu försvinner).";
    }

    public static String copySourceNotSqlite() {
        return "store copy kopierar den inbyggda SQLite-databasen i --data till PostgreSQL; ange inte --database "
                + "(källan), bara --to (målet).";
    }

    public static String copyCountDiffers(String table, long source, long target) {
        return "Tabellen " + table + ": " + source + " rader i SQLite men " + target + " i PostgreSQL.";
    }

    public static String copyFactsDiffer(String period, String source, String target) {
        return "Period " + period + ": " + source + " i SQLite men " + target + " i PostgreSQL.";
    }

    public static String copyOriginalDiffers(long uploadId) {
        return "Uppladdning " + uploadId + ": originalfilen i PostgreSQL har inte den SHA-256 som registrerades vid "
                + "uppladdningen.";
    }

    public static String postgresBackup() {
        return "Databasen ligger i PostgreSQL: säkerhetskopiera och återställ den med pg_dump och pg_restore "
                + "(se README, \"Backup, restore and check\"). tertial store backup/restore gäller den inbyggda "
                + "SQLite-databasen.";
    }

    public static String checkPostgres(String index, String detail) {
        return "PostgreSQL amcheck, index " + index + ": " + detail;
    }

    // --- backup, restore and check of the embedded store ---

    public static String backupTargetExists(Path target) {
        return "Säkerhetskopian " + target + " finns redan. Ange ett nytt filnamn; inget skrivs över.";
    }

    public static String restoreNotABackup(Path file) {
        return "Filen " + file + " är ingen SQLite-databas och kan inte vara en säkerhetskopia av tertial.";
    }

    public static String restoreStoreInUse(Path dir) {
        return "Databasen i " + dir + " används av en körande tertial (eller ett annat kommando). Stoppa tjänsten "
                + "först: återställning görs bara i en stoppad datamapp.";
    }

    public static String checkSqlite(String detail) {
        return "SQLite integrity_check: " + detail;
    }

    public static String checkForeignKey(String table, long row, String parent) {
        return "Tabellen " + table + " rad " + row + " pekar på en rad i " + parent + " som saknas.";
    }

    public static String checkVersionWithoutFacts(String unit, String period, int version) {
        return unit + " " + period + " version " + version + " saknar uppgifter (inga belopp lagrade).";
    }

    public static String checkVersionGaps(String unit, String period, int count, int highest) {
        return unit + " " + period + ": versionerna är inte 1–" + count + " utan luckor (" + count
                + " versioner, högsta " + highest + ").";
    }

    public static String checkCurrentCount(String unit, String period, int current) {
        return unit + " " + period + ": " + current + " gällande versioner (ska vara exakt en).";
    }

    public static String checkOriginalChanged(long uploadId) {
        return "Inlämning " + uploadId + ": originalfilens byte stämmer inte med dess lagrade SHA-256.";
    }

    public static String dataDirIsFile(Path dir) {
        return "Datamappen " + dir + " är en fil, inte en mapp. Ange en mapp med --data eller TERTIAL_DATA.";
    }

    public static String dataDirReadOnly(Path dir) {
        return "tertial får inte skriva i datamappen " + dir + ". Ge tjänstens användare skrivrätt till mappen "
                + "eller ange en annan med --data.";
    }

    public static String dataDirUnusable(Path dir, String reason) {
        return "Datamappen " + dir + " kan inte användas: " + reason + ".";
    }

    public static String databaseIsDirectory(Path db) {
        return "Databasfilen " + db + " är en mapp. Flytta undan den eller ange en annan datamapp med --data.";
    }

    public static String databaseNotSqlite(Path db) {
        return "Filen " + db + " är ingen tertial-databas (inte SQLite). Flytta undan den eller ange en annan "
                + "datamapp med --data.";
    }

    public static String diskFull(Path dir) {
        return "Disken där datamappen " + dir + " ligger är full. Frigör utrymme och starta igen.";
    }

    public static String invalidPort(int port) {
        return "Ogiltig port " + port + ": ange ett tal mellan 1 och 65535 med --port eller TERTIAL_PORT.";
    }

    public static String portInUse(String host, int port) {
        return "Porten " + port + " på " + host + " används redan av ett annat program. Stoppa det eller välj en "
                + "annan port med --port.";
    }

    public static String invalidUploadLimit(int mb) {
        return "Ogiltig gräns för uppladdningar: " + mb + " MB. Ange ett heltal mellan 1 och 1024 med "
                + "--max-upload-mb eller TERTIAL_MAX_UPLOAD_MB.";
    }

    public static String invalidPool(int value) {
        return "Ogiltigt värde " + value + " för --database-pool: ange 2–200 anslutningar per instans.";
    }

    public static String invalidLimit(String flag, String value) {
        return "Ogiltigt värde " + value + " för " + flag + ": ange ett positivt heltal.";
    }

    // --- storage and rates ---

    public static final String STORAGE_FULL = "tertial kan inte spara just nu: lagringsutrymmet är fullt. Inget av "
            + "det du skickade har sparats. Försök igen senare; förvaltningen av tertial har fått ett meddelande.";

    public static String tooManyRequests(long seconds) {
        return "För många förfrågningar på kort tid. Vänta " + seconds + " sekunder och försök igen.";
    }

    public static String annotationTooLarge(long cells) {
        return "Arbetsboken är för stor för en markerad kopia (fler än " + cells + " celler); felen och varningarna "
                + "finns i svaret på uppladdningen.";
    }

    public static final String ORIGINAL_NOT_KEPT = "Filen sparades inte i sin helhet (den var ingen arbetsbok, eller "
            + "dagens utrymme för avvisade filer var förbrukat); bara dess kontrollsumma, storlek och fel finns kvar.";

    // --- signing in ---

    public static final String LOGIN_FAILED = "Fel användarnamn eller lösenord.";
    public static final String PASSWORD_CURRENT_WRONG = "Det nuvarande lösenordet stämmer inte.";
    public static final String PASSWORD_REPEAT_DIFFERS = "Det nya lösenordet och upprepningen är inte lika.";
    public static final String PASSWORD_SAME = "Välj ett nytt lösenord, inte samma som förut.";

    public static String passwordTooShort(int min) {
        return "Lösenordet ska vara minst " + min + " tecken långt.";
    }

    public static final String NO_FILE_CHOSEN = "Ingen fil valdes: välj en eller flera arbetsböcker och ladda upp "
            + "igen.";
    public static final String CSRF_FAILED = "Formuläret kunde inte tas emot: sidan var för gammal eller kom inte "
            + "från tertial. Ladda om sidan och försök igen.";
    public static final String SIGN_IN_REQUIRED = "Logga in för att fortsätta.";

    // --- pages ---

    public static String roleName(String role) {
        return switch (role) {
            case "controller" -> "controller";
            case "finance" -> "ekonomi";
            case "admin" -> "administratör";
            default -> role;
        };
    }

    /** A unit's state in a period, in words (never only a colour). */
    public static String statusLabel(String status) {
        return switch (status) {
            case "missing" -> "saknas";
            case "accepted" -> "mottagen";
            case "accepted_with_warnings" -> "mottagen med varningar";
            case "rejected" -> "avvisad";
            default -> status;
        };
    }

    public static final String PERIOD_LOCKED_READ_ONLY = "låst: tar inte emot fler filer";

    public static String daysLeft(long days) {
        if (days < 0) {
            return "försenad: sista dag passerades för " + -days + (days == -1 ? " dag" : " dagar") + " sedan";
        }
        if (days == 0) {
            return "sista dag i dag";
        }
        return days + (days == 1 ? " dag" : " dagar") + " kvar";
    }

    public static String dateTime(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Europe/Stockholm")));
    }

    public static String userCreated(String name, String password) {
        return "Användaren " + name + " är skapad. Engångslösenord (visas bara nu): " + password
                + " – användaren väljer ett eget lösenord vid första inloggningen.";
    }

    public static String oneTimePasswordSet(String name, String password) {
        return "Nytt engångslösenord för " + name + " (visas bara nu): " + password
                + " – alla inloggningar för användaren har avslutats.";
    }

    public static String keyCreated(String key) {
        return "Ny API-nyckel (visas bara nu, spara den säkert): " + key;
    }

    public static String userRoleSaved(String name, String role, String units) {
        return "Ändringen är sparad: " + name + " är " + role + (units.isEmpty() ? "" : " för " + units)
                + ". Det gäller från användarens nästa klick.";
    }

    public static String emailSaved(String address) {
        return address == null ? "E-postadressen är borttagen." : "E-postadressen " + address + " är sparad.";
    }

    public static String userDeactivated(String name) {
        return name + " är inaktiverad: alla inloggningar och nycklar har slutat gälla.";
    }

    public static String userReactivated(String name) {
        return name + " är aktiv igen och kan logga in.";
    }

    public static String keyRevoked(String name, long id) {
        return "Nyckel " + id + " för " + name + " är återkallad och fungerar inte längre.";
    }

    public static String confirmDeactivate(String name) {
        return "Vill du inaktivera " + name + "? Alla inloggningar och nycklar för användaren slutar gälla genast. "
                + "Du kan aktivera användaren igen senare.";
    }

    public static String confirmRevoke(String name, long id, String keyName) {
        return "Vill du återkalla nyckel " + id + " (" + keyName + ") för " + name + "? Skript som använder den "
                + "slutar fungera genast, och det går inte att ångra.";
    }

    public static String confirmLock(String period) {
        return "Vill du låsa " + period + "? Inga fler filer tas emot och inga rapporter kan godkännas eller "
                + "återsändas förrän perioden låses upp igen.";
    }

    public static String periodCreated(String period, String deadline) {
        return period + " är öppnad för inlämning med sista dag " + deadline + ".";
    }

    public static String periodLockedNotice(String period) {
        return period + " är låst: inga fler filer tas emot.";
    }

    public static String periodUnlockedNotice(String period) {
        return period + " är upplåst och tar emot filer igen.";
    }

    /** The heading of an error page, in words. */
    public static String errorTitle(int status) {
        return switch (status) {
            case 400, 422 -> "Uppgifterna kunde inte tas emot";
            case 401 -> "Du behöver logga in";
            case 403 -> "Du saknar behörighet";
            case 404, 405 -> "Sidan finns inte";
            case 409 -> "Det gick inte att genomföra";
            case 413 -> "Filen är för stor";
            case 429 -> "För många försök";
            case 503 -> "tertial är inte tillgängligt just nu";
            default -> "Något gick fel";
        };
    }

    // --- users and keys ---

    public static String invalidUserName() {
        return "Ogiltigt användarnamn: använd 1–64 tecken, bokstäver, siffror och . _ - @ (inga mellanslag eller "
                + "styrtecken), t.ex. anna.andersson.";
    }

    public static String invalidKeyName() {
        return "Ogiltigt namn på nyckeln: använd 1–64 tecken, bokstäver, siffror, mellanslag och . _ : / ( ) -.";
    }

    public static String userNotFound(String name) {
        return "Användaren \"" + LogText.safe(String.valueOf(name)) + "\" finns inte.";
    }

    public static String keyNotFound(String user, long id) {
        return "Användaren \"" + LogText.safe(user) + "\" har ingen aktiv nyckel med id " + id + ".";
    }

    public static String adminTokenFileStillThere(java.nio.file.Path file) {
        return "Obs: administratörens första API-nyckel ligger kvar i " + file.toAbsolutePath() + ". Skapa en egen "
                + "nyckel (POST /api/users/admin/keys eller \"user key-add --name admin\"), spara den säkert och "
                + "radera sedan filen.";
    }

    // --- upload findings ---

    public static final String EMPTY_CELL = "en tom cell";
    public static final String NOT_TERTIAL = "Filen är inte en tertial-mall: det dolda bladet _tertial med uppgifter "
            + "om enhet, period och mallversion saknas eller är ändrat. Ladda ner mallen för din enhet från tertial, "
            + "fyll i den och ladda upp den.";

    /** "Blad Resultat, cell D7 (rad KOST_LON, kolumn UTFALL): text". */
    public static String located(String sheet, String cell, String line, String column, String text) {
        if (sheet == null) {
            return text;
        }
        StringBuilder where = new StringBuilder("Blad ").append(sheet);
        if (cell != null) {
            where.append(", cell ").append(cell);
        }
        if (line != null || column != null) {
            where.append(" (");
            if (line != null) {
                where.append("rad ").append(line);
            }
            if (column != null) {
                where.append(line != null ? ", " : "").append("kolumn ").append(column);
            }
            where.append(")");
        }
        return where.append(": ").append(text).toString();
    }

    public static String unknownTemplateVersion(String id, int version) {
        return "Mallen \"" + id + "\" version " + version + " är okänd för tertial. Ladda ner en ny mall och för "
                + "över dina uppgifter.";
    }

    public static String unitNotAllowed(String unit) {
        return "Du har inte behörighet att lämna uppgifter för enheten " + unit + ".";
    }

    public static String invalidEmail(String email) {
        return "\"" + LogText.safe(email) + "\" är ingen giltig e-postadress.";
    }

    // --- the audit log ---

    public static final String AUDIT_SHEET = "Händelselogg";
    public static final List<String> AUDIT_HEADINGS = List.of("Nr", "Tid", "Vem", "Via", "Adress", "Händelse", "Enhet",
            "Period", "Version", "Uppladdning", "Detalj");

    public static String auditTitle(int events, String at) {
        return "Händelselogg för tertial: " + events + " händelser, uttag " + at;
    }

    /** What a filtered list of events holds, in words: "urval: period 2022-T2, enhet FS-MED" or "alla händelser". */
    public static String auditSelection(String period, String unit, String user, String kind, String from,
                                        String to) {
        List<String> parts = new java.util.ArrayList<>();
        if (period != null) {
            parts.add("period " + period);
        }
        if (unit != null) {
            parts.add("enhet " + unit);
        }
        if (user != null) {
            parts.add("användare " + user);
        }
        if (kind != null) {
            parts.add("händelse " + kind);
        }
        if (from != null) {
            parts.add("från och med " + from);
        }
        if (to != null) {
            parts.add("till och med " + to);
        }
        return parts.isEmpty() ? "(alla händelser)" : "(urval: " + String.join(", ", parts) + ")";
    }

    public static String unknownAuditKind(String kind) {
        return "Okänd händelsetyp \"" + LogText.safe(kind) + "\".";
    }

    public static String invalidDate(String text) {
        return "\"" + LogText.safe(text) + "\" är inget datum; skriv ÅÅÅÅ-MM-DD.";
    }

    // --- e-mail: reminders and notices ---

    public static String unreadableFile(String option, Path file) {
        return "Kan inte läsa filen för " + option + ": " + file.toAbsolutePath();
    }

    private static final String MAIL_FOOTER = "\n\n-- \nDetta meddelande skickades av tertial. Svara inte på det; "
            + "kontakta ekonomistaben om något är oklart.";

    public static String mailReminderSubject(PeriodCode period, java.time.LocalDate deadline, boolean after) {
        return (after ? "Försenad tertialrapport " : "Påminnelse: tertialrapport ") + period + ", sista dag "
                + deadline;
    }

    public static String mailReminderLine(Unit unit, String state, String link) {
        return "- " + unit.code().value() + " " + unit.name() + " (" + state + "): " + link;
    }

    public static String mailReminder(String name, PeriodCode period, java.time.LocalDate deadline, boolean after,
                                      List<String> lines, String link) {
        return "Hej " + name + "!\n\n" + (after
                ? "Sista dag för " + periodName(period) + " var " + deadline + ". Rapporten saknas fortfarande för:"
                : "Sista dag för " + periodName(period) + " är " + deadline + ". Rapporten saknas för:")
                + "\n\n" + String.join("\n", lines) + "\n\nMallar och uppladdning: " + link + MAIL_FOOTER;
    }

    public static String mailReturnedSubject(Unit unit, PeriodCode period) {
        return "Återsänd: " + unit.code().value() + " " + period;
    }

    public static String mailReturned(String name, Unit unit, PeriodCode period, java.time.LocalDate deadline,
                                      int version, String message, String link) {
        return "Hej " + name + "!\n\nEkonomi har återsänt rapporten för " + unit.code().value() + " " + unit.name()
                + ", " + periodName(period) + " (version " + version + "), med detta meddelande:\n\n" + message
                + "\n\nLadda upp en ny version senast " + deadline + ": " + link + MAIL_FOOTER;
    }

    public static String mailApprovedSubject(Unit unit, PeriodCode period) {
        return "Godkänd: " + unit.code().value() + " " + period;
    }

    public static String mailApproved(String name, Unit unit, PeriodCode period, int version,
                                      java.util.Optional<String> message, String link) {
        return "Hej " + name + "!\n\nEkonomi har godkänt rapporten för " + unit.code().value() + " " + unit.name()
                + ", " + periodName(period) + " (version " + version + ")."
                + message.map(m -> "\n\nMeddelande:\n\n" + m).orElse("") + "\n\n" + link + MAIL_FOOTER;
    }

    public static String mailSubmittedSubject(Unit unit, PeriodCode period, int version) {
        return "Inlämnad: " + unit.code().value() + " " + period + " version " + version;
    }

    public static String mailSubmitted(String name, Unit unit, PeriodCode period, int version, String by,
                                       java.util.Optional<String> message, String link) {
        return "Hej " + name + "!\n\n" + by + " har lämnat in version " + version + " av rapporten för "
                + unit.code().value() + " " + unit.name() + ", " + periodName(period) + "."
                + message.map(m -> "\n\nMeddelande:\n\n" + m).orElse("") + "\n\nGranska: " + link + MAIL_FOOTER;
    }

    public static final String MAIL_NOT_CONFIGURED = "E-post är inte inställd: tertial skickar inga påminnelser, "
            + "besked eller testmejl. Den som driftar tertial ställer in en e-postserver (se driftdokumentationen).";
    public static final String MAIL_TEST_SUBJECT = "Testmejl från tertial";

    public static String mailConfigured(String server, String from) {
        return "E-post är inställd: tertial skickar påminnelser och besked via " + server + " från " + from + ".";
    }

    public static String mailNoAddress(String name) {
        return "Användaren " + name + " har ingen e-postadress. Spara en adress först.";
    }

    public static String mailTest(String name) {
        return "Hej " + name + "!\n\nDetta är ett testmejl från tertial. Påminnelser och besked om rapporter når dig "
                + "på den här adressen." + MAIL_FOOTER;
    }

    public static String mailTestSent(String to) {
        return "Ett testmejl har skickats till " + to + ".";
    }

    public static String mailTestFailed(String to) {
        return "Testmejlet till " + to + " kunde inte skickas: e-postservern tog inte emot det. Kontrollera "
                + "inställningarna för e-post och adressen.";
    }

    // --- the review round ---

    /** A thread entry's action as shown: "Inlämnad", "Godkänd", "Återsänd", "Återöppnad". */
    public static String threadAction(String action) {
        return switch (action) {
            case "submitted" -> "Inlämnad";
            case "approved" -> "Godkänd";
            case "returned" -> "Återsänd";
            case "reopened" -> "Återöppnad";
            default -> action;
        };
    }

    public static String reviewPeriodLocked(String period) {
        return "Perioden " + period + " är låst: ingen rapport kan godkännas, återsändas eller återöppnas.";
    }

    public static String reviewApprovedNoUpload(String unit, String period) {
        return "Rapporten för " + unit + " " + period + " är godkänd av ekonomi. En ny version tas emot först när "
                + "ekonomi har återöppnat den; kontakta ekonomistaben om något behöver rättas.";
    }

    public static String reviewNothingSubmitted(String unit, String period) {
        return unit + " har inte lämnat någon rapport för " + period + " ännu.";
    }

    public static String reviewAlreadyReturned(String unit, String period) {
        return "Rapporten för " + unit + " " + period + " är redan återsänd och väntar på en ny version.";
    }

    public static String reviewAlreadyApproved(String unit, String period) {
        return "Rapporten för " + unit + " " + period + " är redan godkänd; återöppna den först.";
    }

    public static String reviewNotApproved(String unit, String period, String state) {
        return "Rapporten för " + unit + " " + period + " är inte godkänd (den är " + state
                + "), så det finns inget att återöppna.";
    }

    public static String reviewStaleVersion(String unit, String period, int given, int current) {
        return "Version " + given + " är inte den gällande för " + unit + " " + period + ": version " + current
                + " har kommit in. Läs den nya versionen innan du beslutar.";
    }

    public static final String REVIEW_MESSAGE_REQUIRED = "Skriv ett meddelande till enheten om vad som ska rättas "
            + "när du återsänder en rapport.";

    public static String reviewMessageTooLong(int max) {
        return "Meddelandet får vara högst " + max + " tecken.";
    }

    public static final String REVIEW_VERSION_REQUIRED = "Ange vilken version du godkänner eller återsänder "
            + "(fältet \"version\").";

    public static String periodLocked(String period) {
        return "Perioden " + period + " är låst: finans har stängt den och tar inte emot fler filer. Kontakta "
                + "ekonomistaben om något behöver rättas.";
    }

    public static String sheetMissing(String sheet) {
        return "Bladet \"" + sheet + "\" saknas i arbetsboken. Byt inte namn på bladen i mallen och ta inte bort "
                + "dem.";
    }

    public static String columnMoved(String code, String now) {
        return "Kolumnen " + code + " har flyttats (den står nu i " + now + "). Lägg inte till, ta bort eller "
                + "flytta kolumner i mallen.";
    }

    public static String columnMissing(String code, String found) {
        return "Kolumnkoden " + code + " saknas" + (found.isEmpty() ? "" : " (cellen innehåller \"" + found + "\")")
                + ": kolumnen har tagits bort eller döpts om. Ladda ner mallen på nytt.";
    }

    public static String lineMoved(String code, String now) {
        return "Raden " + code + " har flyttats (koden står nu i " + now + "). Lägg inte till, ta bort eller sortera "
                + "rader i mallen.";
    }

    public static String lineMissing(String code, String found) {
        return "Radkoden " + code + " saknas" + (found.isEmpty() ? "" : " (cellen innehåller \"" + found + "\")")
                + ": raden har tagits bort eller döpts om. Ladda ner mallen på nytt.";
    }

    public static String tooManyDecimals(String value) {
        return "Beloppet " + value + " har fler än tre decimaler. Belopp anges i tkr med högst tre decimaler "
                + "(hela kronor).";
    }

    public static String numberAsText(String text, BigDecimal tkr) {
        return "Talet är inskrivet som text (\"" + text + "\") och har lästs som " + tkrText(tkr) + ". Kontrollera "
                + "värdet; Excels egna summor hoppar över tal som är text.";
    }

    public static String notANumber(String found) {
        return "Cellen ska innehålla ett belopp i tkr men innehåller " + found + ".";
    }

    public static String formulaWithoutResult(String formula) {
        return "Cellen innehåller formeln =" + formula + " men inget beräknat värde (filen sparades av ett program "
                + "som inte räknar). Skriv in beloppet som ett tal, eller öppna och spara filen i Excel eller "
                + "LibreOffice.";
    }

    public static String formulaReplaced(String formula, String found, BigDecimal computed) {
        return "Formeln =" + formula + " har ersatts med " + found + ", som inte stämmer med det beräknade värdet "
                + tkrText(computed) + ". Ändra inte summor och avvikelser; ladda ner mallen på nytt om formeln "
                + "försvunnit.";
    }

    public static String formulaReplacedSameValue(String formula, String found) {
        return "Formeln =" + formula + " har ersatts med " + found + ". Värdet stämmer, men ändra helst inte "
                + "summor och avvikelser.";
    }

    public static String signWarning(String label, boolean revenue, BigDecimal tkr) {
        return "Kontrollera tecken: " + label + " är " + (revenue ? "en intäkt och anges positiv" :
                "en kostnad och anges negativ") + ", men beloppet är " + tkrText(tkr) + ". Rätta om det inte är en "
                + "medveten rättelse eller återföring.";
    }

    public static String commentMissing(String column, BigDecimal deviation, BigDecimal limit) {
        return "Analys/kommentar saknas: " + column + " är " + tkrText(deviation) + ", vilket når gränsen "
                + tkrText(limit.abs()) + " för obligatorisk kommentar.";
    }

    public static String unbalanced(BigDecimal assets, BigDecimal liabilities, BigDecimal diff, String assetsCell) {
        return "Balansräkningen balanserar inte: summa tillgångar (" + assetsCell + ") är " + tkrText(assets)
                + " men summa eget kapital, avsättningar och skulder är " + tkrText(liabilities) + ", skillnad "
                + tkrText(diff) + ".";
    }

    public static String tenfold(BigDecimal now, BigDecimal before, String lastYear) {
        return "Beloppet " + tkrText(now) + " skiljer sig mer än tio gånger från samma period förra året (" + lastYear
                + ": " + tkrText(before) + "). Kontrollera att beloppet är i tkr.";
    }

    public static String budgetMismatch(BigDecimal actual, BigDecimal expected) {
        return "Budgeten i filen (" + tkrText(actual) + ") skiljer sig från den budget finans har lagt in ("
                + tkrText(expected) + "). Ladda ner mallen på nytt för att få rätt budget.";
    }

    /**
     * A number exactly as entered, in Swedish form: "−1 234,5678" (grouping with a no-break space, decimal comma, a
     * real minus sign, every decimal kept), never "-1234.5678".
     */
    public static String swedishNumber(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(',').append(digits.substring(dot + 1));
        }
        return (negative ? "−" : "") + out;
    }

    /** "−1 234,5 tkr": Swedish grouping, decimal comma, a real minus sign. */
    public static String tkrText(BigDecimal tkr) {
        return grouped(tkr).replace('-', '−') + " tkr";
    }

    // --- budget workbook ---

    public static final String BUDGET_SHEET = "Budget";
    public static final List<String> BUDGET_HEADINGS = List.of("Enhet", "Enhetens namn", "Mall", "Radkod", "Rad");

    public static String budgetHeading(String column, int year) {
        return switch (column) {
            case "BUDGET_T1" -> "Periodbudget jan–apr " + year;
            case "BUDGET_T2" -> "Periodbudget jan–aug " + year;
            default -> "Årsbudget " + year;
        };
    }

    public static List<String[]> budgetInstructions(String region, int year, String uploadUrl) {
        return List.of(
                new String[] {"Region", region},
                new String[] {"Budgetår", Integer.toString(year)},
                new String[] {"Så fyller du i", "Fyll i årsbudget och periodbudgetar (jan–apr och jan–aug, "
                        + "ackumulerade) i tkr för varje enhet och rad på bladet Budget. Intäkter positiva, kostnader "
                        + "negativa. Raderna får sorteras och filtreras men inte tas bort; koderna i kolumn A, C och "
                        + "D får inte ändras."},
                new String[] {"Inläsning", "Ladda upp filen till tertial (" + uploadUrl + "api/budget/" + year
                        + "). När budgeten är inläst får enheternas mallar för " + year + " budgeten förifylld och "
                        + "låst, och en inlämning vars budget avviker från den inlästa avvisas."});
    }

    public static String budgetTitle(int year) {
        return "Budget " + year + " för tertialuppföljningen";
    }

    public static final String NOT_BUDGET_WORKBOOK = "Filen är inte tertials budgetmall: det dolda bladet _tertial "
            + "saknas eller gäller något annat. Ladda ner budgetmallen från tertial och fyll i den.";

    public static String budgetWrongYear(int fileYear, int year) {
        return "Budgetmallen gäller år " + fileYear + " men laddades upp för år " + year + ".";
    }

    public static String budgetUnknownRow(String key) {
        return "Raden " + key.replace('/', ' ') + " finns inte i organisationen eller mallarna.";
    }

    public static String budgetDuplicateRow(String key, String first) {
        return "Raden " + key.replace('/', ' ') + " förekommer två gånger (första gången i " + first + ").";
    }

    public static String budgetMissingRow(String key) {
        return "Raden " + key.replace('/', ' ') + " saknas i budgetmallen. Ta inte bort rader; lämna beloppet tomt "
                + "om det saknar budget.";
    }

    // --- annotated workbook ---

    public static final String ANNOTATED_TITLE = "Granskad arbetsbok med fel och varningar markerade";
    public static final String SEVERITY_ERROR = "Fel";
    public static final String SEVERITY_WARNING = "Varning";
    /** The "Fel och varningar" sheet: what a person reads, then the codes for scripts in hidden columns. */
    public static final List<String> ANNOTATION_HEADINGS = List.of("Typ", "Blad", "Cell", "Rad", "Regel",
            "Meddelande", "Radkod", "Kolumnkod", "Regelkod");

    /** A rule's name in words, as a controller knows it; the code stays in JSON and a hidden column. */
    public static String ruleName(String rule) {
        return switch (rule) {
            case "unreadable_file" -> "Filen kan inte läsas";
            case "not_a_workbook" -> "Inte en arbetsbok";
            case "macro_workbook" -> "Arbetsbok med makron";
            case "encrypted_workbook" -> "Lösenordsskyddad arbetsbok";
            case "not_tertial_workbook" -> "Inte en mall från tertial";
            case "unknown_template_version" -> "Okänd mallversion";
            case "unknown_unit" -> "Okänd enhet";
            case "unknown_period" -> "Okänd period";
            case "period_locked" -> "Perioden är låst";
            case "review_approved" -> "Rapporten är redan godkänd";
            case "unit_not_allowed" -> "Ingen behörighet för enheten";
            case "structure_sheet_missing" -> "Blad saknas";
            case "structure_line" -> "Rad flyttad eller borttagen";
            case "structure_column" -> "Kolumn flyttad eller borttagen";
            case "not_a_number" -> "Inte ett belopp";
            case "too_many_decimals" -> "För många decimaler";
            case "number_as_text" -> "Tal inskrivet som text";
            case "formula_replaced" -> "Formel ersatt";
            case "comment_missing" -> "Kommentar saknas";
            case "balance" -> "Balansräkningen balanserar inte";
            case "budget_mismatch" -> "Annan budget än finans";
            case "sign" -> "Kontrollera tecken";
            case "tenfold_change" -> "Tiofaldig förändring";
            case "legacy_unknown_row" -> "Okänd rad";
            case "legacy_total_mismatch" -> "Summan stämmer inte";
            case "legacy_ambiguous" -> "Layouten går inte att tolka entydigt";
            case "processing_timeout" -> "Tog för lång tid att läsa";
            case "outside_template_area" -> "Uppgifter utanför mallen";
            case "no_amounts" -> "Inga belopp ifyllda";
            case "structure_template_set" -> "Fel mallar för enheten";
            case "structure_spec_checksum" -> "Mallen har ändrats";
            default -> "Kontroll";
        };
    }

    // --- users and access ---

    public static final String CONTROLLER_NEEDS_UNITS = "En controller måste knytas till minst en enhet.";
    public static final String ONLY_CONTROLLERS_HAVE_UNITS = "Bara controllers knyts till enheter; finans och admin "
            + "ser alla enheter.";
    public static final String UNAUTHORIZED = "Inloggning krävs: skicka din API-nyckel som \"Authorization: Bearer "
            + "<nyckel>\".";
    public static final String UNAUTHORIZED_BAD_TOKEN = "API-nyckeln är okänd eller ogiltig.";
    public static final String BAD_MULTIPART = "Begäran kunde inte läsas som multipart/form-data. Skicka filen i "
            + "fältet \"file\", t.ex. curl -F file=@mall.xlsx.";
    public static final String MISSING_FILE = "Ingen fil skickades: bifoga arbetsboken i fältet \"file\" "
            + "(multipart/form-data).";

    public static String invalidRole(String role) {
        return "Okänd roll \"" + role + "\": välj controller, finance eller admin.";
    }

    public static String userChangedDetail(String name, String before, String after) {
        return name + ": " + before + " → " + after;
    }

    public static String tooManyUnits(int max) {
        return "För många enheter: en användare kan knytas till högst " + max + " enheter.";
    }

    public static String userExists(String name) {
        return "Det finns redan en användare som heter \"" + name + "\".";
    }

    public static String unitForbidden(String unit) {
        return "Du har inte behörighet för enheten " + unit + ".";
    }

    public static String fileTooLarge(long maxBytes) {
        return "Filen är för stor: högst " + (maxBytes / (1024 * 1024)) + " MB tas emot.";
    }

    public static String uploadNotFound(long id) {
        return "Inlämning " + id + " finns inte.";
    }

    public static final String NO_ANNOTATION = "Filen kunde inte läsas som arbetsbok, så det finns ingen markerad "
            + "version av den. Se felmeddelandet i inlämningen.";

    public static String invalidYear(String text) {
        return "Ogiltigt år \"" + text + "\": ange ett år som 2022.";
    }

    public static String invalidId(String text) {
        return "Ogiltigt id \"" + text + "\": ange inlämningens nummer.";
    }

    public static String annotatedFileName(String unit, String period, long id, String extension) {
        return "Granskning " + (unit == null ? "" : unit + " ") + (period == null ? "" : period + " ") + "inlämning "
                + id + "." + extension;
    }

    public static String budgetFileName(int year) {
        return "Budget " + year + ".xlsx";
    }

    // --- consolidated report ---

    public static final String TOTALT = "Totalt";
    public static final String CHECK_INTERNAL = "Internhandel: interna intäkter + interna kostnader, hela regionen "
            + "(ska vara 0)";
    public static final String CHECK_BALANCE = "Balansräkningen: summa tillgångar − summa eget kapital, avsättningar "
            + "och skulder (ska vara 0)";
    public static final String CHECK_YEAR_RESULT = "Årets resultat: balansräkningen − resultaträkningen, utfall "
            + "(ska vara 0)";
    public static final String CHECK_OPENING_EQUITY = "Ingående eget kapital − föregående års summa eget kapital "
            + "(ska vara 0)";
    public static final String CHECK_FORECAST_IDENTITY = "Nämndsavvikelser totalt (prognos) − resultaträkningens "
            + "avvikelse för verksamhetens nettokostnad och internhandel (ska vara 0)";
    public static final String CHECK_MISSING = "Alla enheter har lämnat underlag";
    public static final String CHECK_APPROVED = "Alla enheter godkända";
    public static final String UNIT_NOT_APPROVED = "Ej godkänd, ingår inte";

    /** The note on every report sheet naming the units finance has not approved. */
    public static String reportNotApproved(List<String> units, boolean approvedOnly) {
        return (approvedOnly ? "Endast godkända rapporter. Ingår inte (ej godkända): " : "Ej godkända av ekonomi: ")
                + String.join(", ", units);
    }

    public static String varav(String group) {
        return "varav " + group;
    }

    public static final String LEGACY_LOCATOR = "ange \"pattern\" (som söks i bladets övre vänstra del, från "
            + "\"cell\" om den anges), \"fileName\" eller båda";

    public static String legacySearchArea(int rows, int cols) {
        return "sökområdet ska vara 1–200 rader och 1–60 kolumner, inte " + rows + " × " + cols;
    }

    /** A mapping's anchor found twice with different values: the file is refused naming both. */
    public static String legacyAmbiguousAnchor(String mapping, String what, String first, String second) {
        return "Mappningen " + mapping + " hittar två möjliga " + what + ": " + first + " och " + second
                + ". tertial gissar inte; ta bort den ena eller gör mappningens mönster snävare.";
    }

    public static final String LEGACY_FROM_FILE_NAME = "filnamnet";

    public static String legacyNoSheet(String sheet, int headings) {
        return "inget blad heter \"" + sheet + "\", och på inget blad finns mappningens " + headings + " rubriker";
    }

    public static String legacyNoHeadings(String sheet) {
        return "bladet \"" + sheet + "\" saknar mappningens rubrikrad";
    }

    public static String legacyNotFound(String what, int rows, int cols) {
        return "ingen " + what + " hittades i de första " + rows + " raderna och " + cols
                + " kolumnerna, och inte i filnamnet";
    }

    public static String legacyNoLabels(String mapping) {
        return "ingen kolumn till vänster om rubrikerna har mappningen " + mapping + "s etiketter";
    }

    public static String legacyPeriodNotTertial(String text) {
        return "\"" + LogText.safe(text) + "\" är ingen tertialperiod (jan–apr, jan–aug eller jan–dec).";
    }

    public static String legacyUnknownRow(String label, String mapping) {
        return "Raden \"" + label + "\" har belopp men finns inte i mappningen " + mapping + ". Lägg till etiketten i "
                + "workbook-templates/legacy/" + mapping + ".json eller ta bort raden.";
    }

    public static String legacyTotalMismatch(BigDecimal total, BigDecimal sum, List<String> textCells) {
        return "Summaraden visar " + grouped(total) + " men raderna summerar till " + grouped(sum) + "."
                + (textCells.isEmpty() ? " Kontrollera summan." : " Tal lagrade som text, som Excels egen summa "
                + "hoppar över: " + String.join(", ", textCells) + ".");
    }

    public static String legacyAmbiguous(List<String> mappings) {
        return "Filen passar flera äldre format (" + String.join(", ", mappings) + "); gör mappningarna mer precisa.";
    }

    public static final String NO_MAPPING = "Filen är varken en tertial-mall (det dolda bladet _tertial saknas) eller "
            + "i något känt äldre format (workbook-templates/legacy). Ladda ner mallen för din enhet från tertial, "
            + "eller beskriv formatet i en mappning.";

    public static String legacyUnknownUnit(String text) {
        return "Enheten \"" + text + "\" finns inte i organisationen (varken som kod eller namn).";
    }

    public static String legacyUnknownPeriod(String text) {
        return "Perioden \"" + text.replace('\u0000', ' ') + "\" kan inte tolkas som en tertial.";
    }

    public static String legacyBadPattern(String regex, String detail) {
        return "ogiltigt mönster \"" + regex + "\": " + detail;
    }

    public static final String BULK_ADMIN_ONLY = "Bara en administratör får läsa in historik (bulk) eller lämna "
            + "till en låst period.";
    public static final String BULK_REPORT_SHEET = "Inläsning";
    public static final List<String> BULK_REPORT_HEADINGS = List.of("Fil", "SHA-256", "Enhet", "Period",
            "Mall eller mappning", "Resultat", "Antal uppgifter", "Första fel");

    public static String bulkOutcome(String outcome) {
        return switch (outcome) {
            case "accepted" -> "mottagen";
            case "accepted_with_warnings" -> "mottagen med varningar";
            case "rejected" -> "avvisad";
            case "unchanged" -> "oförändrad (samma som gällande version)";
            case "duplicate" -> "redan inläst";
            case "forbidden" -> "ej behörig";
            default -> "fel: kunde inte skickas";
        };
    }

    // --- a .zip of workbooks ---

    public static String zipTooManyEntries(int max) {
        return "Arkivet har fler än " + max + " filer; dela upp det.";
    }

    public static String zipTooLarge(long max) {
        return "Arkivet packas upp till mer än " + (max / (1024L * 1024 * 1024)) + " GB; dela upp det.";
    }

    public static String zipUnsafeName(String name) {
        return "Filnamnet \"" + LogText.safe(name) + "\" i arkivet pekar utanför arkivet och packas inte upp.";
    }

    public static String zipBomb(int ratio) {
        return "Filen packas upp till mer än " + ratio + " gånger sin packade storlek (en zip-bomb?) och läses inte.";
    }

    public static String zipUnreadableEntry() {
        return "Filen i arkivet är skadad och kan inte packas upp.";
    }

    public static String zipUnreadable() {
        return "Arkivet är inte en läsbar .zip-fil.";
    }

    /** The outcome of a file an earlier load refused and this one read again. */
    public static String bulkRetried(String outcome) {
        return "tidigare avvisad, " + switch (outcome) {
            case "accepted", "accepted_with_warnings", "unchanged" -> "nu " + bulkOutcome(outcome);
            case "rejected" -> "avvisad igen";
            default -> "nu " + bulkOutcome(outcome);
        };
    }

    /** A file of a bulk load that could not be read from disk when its turn came. */
    public static String bulkFileUnreadable(Throwable cause) {
        String why = cause instanceof java.nio.file.NoSuchFileException ? "den finns inte längre"
                : cause instanceof java.nio.file.AccessDeniedException ? "åtkomst nekad"
                : cause instanceof OutOfMemoryError ? "den är för stor för att läsas in"
                : String.valueOf(cause.getMessage());
        return "Filen kunde inte läsas: " + why + ".";
    }

    public static String bulkDuplicateOf(String first) {
        return "Samma fil (byte för byte) som " + first + "; läses inte in två gånger.";
    }

    public static String bulkReportTitle(java.util.Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder("Inläsning av historik: ");
        counts.forEach((k, v) -> s.append(v).append(' ').append(bulkOutcome(k)).append(", "));
        return s.substring(0, s.length() - 2);
    }

    public static final String NYCKELTAL_NOTE = "Kvoter som bråk (0,25 = 25 %), belopp i tkr.";
    public static final String REPORT_COMPLETE = "Alla enheter har lämnat underlag.";
    public static final String UNIT_MISSING = "Underlag saknas";
    public static final String BR_MEMO = "Panter och ansvarsförbindelser";
    public static final String CHECK_OK = "OK";
    public static final String CHECK_FAILED = "Kontrollera";
    public static final String CHECK_INCOMPLETE = "Ofullständigt";
    public static final String CHECK_UNAVAILABLE = "Kan inte kontrolleras (uppgifter saknas)";
    public static final List<String> KONTROLLER_HEADINGS = List.of("Kontroll", "Differens (mnkr)", "Status");
    public static final List<String> UNDERLAG_HEADINGS = List.of("Enhet", "Nämnd", "Grupp", "Blad", "Rad",
            "Kolumn", "Belopp (tkr)", "Inlämning", "Version", "Uppladdad");

    public static String reportMissing(List<String> units) {
        return "Underlag saknas för: " + String.join(", ", units);
    }

    public static String reportRejected(List<String> units) {
        return "Senaste inlämningen avvisad (tidigare mottagen version används om den finns): " + String.join(", ", units);
    }

    /** "Tertial 2:2022", or "Bokslut 2022" at year end. */
    public static String reportPeriod(PeriodCode p) {
        return p.isYearEnd() ? "Bokslut " + p.year() : "Tertial " + p.tertial() + ":" + p.year();
    }

    public static String reportTitle(PeriodCode p) {
        return "Sammanställning " + reportPeriod(p);
    }

    public static String reportFileName(PeriodCode p) {
        return "Sammanställning " + p + ".xlsx";
    }

    public static String namndsavvikelserTitle(PeriodCode p) {
        return "Nämndsavvikelser (mnkr), " + reportPeriod(p);
    }

    public static List<String> namndsavvikelserHeadings(PeriodCode p) {
        return List.of("Nämnd", "Periodavvikelse", "Prognosavvikelse " + p.year());
    }

    public static String drilldownTitle(String code, String name, PeriodCode p) {
        return code + " " + name + ": avvikelser per enhet (mnkr), " + reportPeriod(p);
    }

    /** "Utfall Tertial 2:2022", or "Utfall 2022" at year end. */
    public static String outcomeHeading(PeriodCode p) {
        return p.isYearEnd() ? "Utfall " + p.year() : "Utfall " + reportPeriod(p);
    }

    public static List<String> drilldownHeadings(PeriodCode p) {
        return List.of("Enhet", "Namn", outcomeHeading(p), "Periodbudget", "Avvikelse", "Årsbudget "
                + p.year(), "Prognos " + p.year(), "Prognosavvikelse", "Analys / kommentarer");
    }

    public static String groupSum(String group) {
        return group.isEmpty() ? "Summa" : "Summa " + group;
    }

    public static String namndTotal(String namnd) {
        return "Totalt " + namnd;
    }

    public static String rrTitle(PeriodCode p) {
        return "Resultaträkning (mnkr), " + reportPeriod(p);
    }

    public static List<String> rrHeadings(PeriodCode p) {
        return List.of("", outcomeHeading(p), p.isYearEnd() ? "Prognos " + p.year() + " (= utfall)"
                : "Prognos " + p.year(), "Avvikelse mot årsbudget", outcomeHeading(p.samePeriodLastYear()),
                "Bokslut " + (p.year() - 1));
    }

    public static String brTitle(PeriodCode p) {
        return "Balansräkning (mnkr), " + reportPeriod(p);
    }

    public static List<String> brHeadings(PeriodCode p) {
        return List.of("", p.endDate().toString(), "Bokslut " + (p.year() - 1));
    }

    public static String nyckeltalTitle(PeriodCode p) {
        return "Nyckeltal, " + reportPeriod(p);
    }

    public static List<String> nyckeltalHeadings(PeriodCode p) {
        return List.of("Nyckeltal", reportPeriod(p));
    }

    public static String kontrollerTitle(PeriodCode p) {
        return "Kontroller, " + reportPeriod(p);
    }

    public static String underlagTitle(PeriodCode p) {
        return "Underlag: alla gällande uppgifter, " + reportPeriod(p) + " (belopp i tkr)";
    }
}
