package se.tertial.store;

import java.util.List;
import java.util.Optional;

/**
 * A flat set the OData feed publishes, defined once here: its name, its columns (the names Power Query shows, their
 * types and the SQL that computes each over the set's {@code from} clause), its key, the column a controller's
 * units are matched on, and its natural order: unique, and an index's order where the set is large, so that a page
 * continues after the previous page's last row (keyset paging) instead of counting rows from the start. The SQL
 * is the same on SQLite and PostgreSQL.
 */
public record FeedSet(String name, List<FeedColumn> columns, String key, String from, Optional<String> unitSql,
                      List<String> order) {
    /** A column: its published name, its type and its SQL expression. */
    public record FeedColumn(String name, FeedType type, String sql) {}

    /** How a column's value is stored and published. */
    public enum FeedType {
        /** Text. */ TEXT,
        /** A whole number. */ INTEGER,
        /** Whole kronor in SQL, published as tkr with three decimals. */ KRONOR,
        /** 1 or 0 in SQL. */ BOOLEAN,
        /** An ISO date as text. */ DATE,
        /** An ISO instant (UTC) as text. */ INSTANT
    }

    public Optional<FeedColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static FeedColumn col(String name, FeedType type, String sql) {
        return new FeedColumn(name, type, sql);
    }

    private static final String REVIEW_WORDS = "CASE COALESCE(r.state, 'inlamnad') WHEN 'inlamnad' THEN 'inlämnad' "
            + "WHEN 'atersand' THEN 'återsänd' WHEN 'godkand' THEN 'godkänd' WHEN 'ateroppnad' THEN 'återöppnad' END";
    private static final String YEAR = "CAST(SUBSTR(%s, 1, 4) AS INTEGER)";
    private static final String TERTIAL = "CAST(SUBSTR(%s, 7, 1) AS INTEGER)";

    /** Every stored fact of each unit's current accepted version, with names beside codes. */
    public static final FeedSet FAKTA = new FeedSet("Fakta", List.of(
            col("Id", FeedType.TEXT, "s.period || '/' || s.unit || '/' || f.template || '/' || f.line || '/' || f.col"),
            col("Period", FeedType.TEXT, "s.period"),
            col("Ar", FeedType.INTEGER, YEAR.formatted("s.period")),
            col("Tertial", FeedType.INTEGER, TERTIAL.formatted("s.period")),
            col("Namnd", FeedType.TEXT, "COALESCE(du.namnd, '')"),
            col("NamndNamn", FeedType.TEXT, "COALESCE(du.namnd_name, '')"),
            col("Enhet", FeedType.TEXT, "s.unit"),
            col("EnhetNamn", FeedType.TEXT, "COALESCE(du.name, s.unit)"),
            col("Mall", FeedType.TEXT, "f.template"),
            col("Blad", FeedType.TEXT, "COALESCE(sh.sheet, '')"),
            col("Rad", FeedType.TEXT, "f.line"),
            col("RadNamn", FeedType.TEXT, "COALESCE(dl.label, f.line)"),
            col("Kolumn", FeedType.TEXT, "f.col"),
            col("KolumnNamn", FeedType.TEXT, "COALESCE(dc.label, f.col)"),
            col("BeloppTkr", FeedType.KRONOR, "f.amount_kr"),
            col("Version", FeedType.INTEGER, "s.version"),
            col("Granskning", FeedType.TEXT, REVIEW_WORDS),
            col("Godkand", FeedType.BOOLEAN, "CASE WHEN r.state = 'godkand' AND r.submission_id = s.id THEN 1 ELSE 0 END"),
            col("Inlamnad", FeedType.INSTANT, "COALESCE(u.uploaded_at, s.accepted_at)")),
            "Id",
            "submission s JOIN fact f ON f.submission_id = s.id "
                    + "LEFT JOIN feed_unit du ON du.code = s.unit "
                    + "LEFT JOIN feed_line dl ON dl.template = f.template AND dl.line = f.line "
                    + "LEFT JOIN feed_column dc ON dc.template = f.template AND dc.col = f.col "
                    + "LEFT JOIN submission_sheet sh ON sh.submission_id = s.id AND sh.template = f.template "
                    + "LEFT JOIN review r ON r.unit = s.unit AND r.period = s.period "
                    + "LEFT JOIN upload u ON u.id = s.upload_id "
                    + "WHERE s.is_current = 1",
            Optional.of("s.unit"), List.of("f.submission_id", "f.template", "f.line", "f.col"));

    /** The organisation's units. */
    public static final FeedSet ENHETER = new FeedSet("Enheter", List.of(
            col("Kod", FeedType.TEXT, "du.code"),
            col("Namn", FeedType.TEXT, "du.name"),
            col("Namnd", FeedType.TEXT, "du.namnd"),
            col("NamndNamn", FeedType.TEXT, "du.namnd_name"),
            col("Grupp", FeedType.TEXT, "du.grp"),
            col("Mallar", FeedType.TEXT, "du.templates")),
            "Kod", "feed_unit du WHERE 1 = 1", Optional.of("du.code"), List.of("du.position"));

    /** The reporting periods. */
    public static final FeedSet PERIODER = new FeedSet("Perioder", List.of(
            col("Kod", FeedType.TEXT, "p.code"),
            col("Ar", FeedType.INTEGER, YEAR.formatted("p.code")),
            col("Tertial", FeedType.INTEGER, TERTIAL.formatted("p.code")),
            col("Namn", FeedType.TEXT, "CASE SUBSTR(p.code, 7, 1) WHEN '3' THEN 'Bokslut ' || SUBSTR(p.code, 1, 4) "
                    + "|| ' (jan–dec)' WHEN '1' THEN 'Tertial 1 ' || SUBSTR(p.code, 1, 4) || ' (jan–apr)' "
                    + "ELSE 'Tertial 2 ' || SUBSTR(p.code, 1, 4) || ' (jan–aug)' END"),
            col("Deadline", FeedType.DATE, "p.deadline"),
            col("Lage", FeedType.TEXT, "CASE p.state WHEN 'locked' THEN 'låst' ELSE 'öppen' END")),
            "Kod", "period p WHERE 1 = 1", Optional.empty(), List.of("p.code"));

    /** The units' comments per line of their current versions. */
    public static final FeedSet KOMMENTARER = new FeedSet("Kommentarer", List.of(
            col("Id", FeedType.TEXT, "s.period || '/' || s.unit || '/' || c.template || '/' || c.line"),
            col("Period", FeedType.TEXT, "s.period"),
            col("Enhet", FeedType.TEXT, "s.unit"),
            col("Mall", FeedType.TEXT, "c.template"),
            col("Rad", FeedType.TEXT, "c.line"),
            col("RadNamn", FeedType.TEXT, "COALESCE(dl.label, c.line)"),
            col("Text", FeedType.TEXT, "c.text"),
            col("Version", FeedType.INTEGER, "s.version")),
            "Id",
            "submission s JOIN line_comment c ON c.submission_id = s.id "
                    + "LEFT JOIN feed_line dl ON dl.template = c.template AND dl.line = c.line "
                    + "WHERE s.is_current = 1",
            Optional.of("s.unit"), List.of("c.submission_id", "c.template", "c.line"));

    private static final String LATEST = "(SELECT a.%s FROM upload a WHERE a.kind = 'submission' AND a.unit = du.code "
            + "AND a.period = p.code AND a.outcome <> 'forbidden' ORDER BY a.id DESC LIMIT 1)";

    /** Every unit's place in every period: review state, the latest attempt's outcome in words, the version. */
    public static final FeedSet STATUS = new FeedSet("Status", List.of(
            col("Id", FeedType.TEXT, "p.code || '/' || du.code"),
            col("Period", FeedType.TEXT, "p.code"),
            col("Enhet", FeedType.TEXT, "du.code"),
            col("EnhetNamn", FeedType.TEXT, "du.name"),
            col("Namnd", FeedType.TEXT, "du.namnd"),
            col("Granskning", FeedType.TEXT, "CASE WHEN s.id IS NULL THEN 'saknas' ELSE " + REVIEW_WORDS + " END"),
            col("SenasteUtfall", FeedType.TEXT, "CASE COALESCE(" + LATEST.formatted("outcome") + ", 'saknas') "
                    + "WHEN 'accepted' THEN 'mottagen' WHEN 'accepted_with_warnings' THEN 'mottagen med varningar' "
                    + "WHEN 'rejected' THEN 'avvisad' WHEN 'unchanged' THEN CASE s.status WHEN 'accepted' "
                    + "THEN 'mottagen' ELSE 'mottagen med varningar' END ELSE 'saknas' END"),
            col("Version", FeedType.INTEGER, "s.version"),
            col("Inlamnad", FeedType.INSTANT, "COALESCE(u.uploaded_at, s.accepted_at)"),
            col("InlamnadAv", FeedType.TEXT, "u.uploaded_by")),
            "Id",
            "period p CROSS JOIN feed_unit du "
                    + "LEFT JOIN submission s ON s.unit = du.code AND s.period = p.code AND s.is_current = 1 "
                    + "LEFT JOIN review r ON r.unit = du.code AND r.period = p.code "
                    + "LEFT JOIN upload u ON u.id = s.upload_id WHERE 1 = 1",
            Optional.of("du.code"), List.of("p.code", "du.position"));

    /**
     * The nämndsavvikelser of every period as the report computes them (the nämnd, its varav rows, the total): not
     * stored, so the rows come with the query ({@link FeedQuery#rows()}) as a table {@code nd}.
     */
    public static final FeedSet NAMNDSAVVIKELSER = new FeedSet("Namndsavvikelser", List.of(
            col("Id", FeedType.TEXT, "id"),
            col("Period", FeedType.TEXT, "period"),
            col("Namnd", FeedType.TEXT, "namnd"),
            col("Rad", FeedType.TEXT, "rad"),
            col("Typ", FeedType.TEXT, "typ"),
            col("Ordning", FeedType.INTEGER, "ordning"),
            col("PeriodavvikelseTkr", FeedType.KRONOR, "period_kr"),
            col("PrognosavvikelseTkr", FeedType.KRONOR, "prognos_kr")),
            "Id", "nd WHERE 1 = 1", Optional.empty(), List.of("period", "ordning"));

    public static final List<FeedSet> ALL = List.of(FAKTA, ENHETER, PERIODER, KOMMENTARER, STATUS, NAMNDSAVVIKELSER);
}
