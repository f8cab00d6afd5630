package se.tertial.web;

import java.util.List;

/** What the page templates show: plain values, already in Swedish. Public because the compiled templates use them. */
public final class Views {
    private Views() {}

    /** One open period as shown: its name, deadline in words and the units' rows. */
    public record PeriodView(String code, String name, String deadline, String deadlineText, boolean overdue,
                             List<UnitRow> units) {}

    /** One unit's state in a period. */
    public record UnitRow(String unit, String name, String status, String statusLabel, Integer version,
                          String uploadedAt, String uploadedBy, String templateXlsx, String templateXls,
                          String historyHref) {}

    /** What one uploaded file became, for the result page. */
    public record UploadView(String fileName, String outcome, String outcomeLabel, boolean accepted, String unit,
                             String period, Integer version, List<FindingView> findings, String annotatedHref,
                             String detailHref) {}

    /** A finding as a row: errors first. */
    public record FindingView(String severity, String sheet, String cell, String line, String column, String rule,
                              String message) {}

    /** One attempt in a list. */
    public record AttemptRow(long id, String at, String by, String fileName, String outcomeLabel, Integer version,
                             boolean current, String href) {}

    /** A period in finance's list. */
    public record PeriodRow(String code, String name, String deadline, boolean locked, String stateLabel,
                            String boardHref, String reportHref) {}

    /** A nämnd on the status board, with its units. */
    public record NamndBoard(String code, String name, List<UnitRow> units) {}

    /** How many units are in each state. */
    public record Count(String label, long count) {}

    /** A row of the nämndsavvikelser table, in mnkr with explicit signs. */
    public record DeviationRow(String label, boolean total, String period, String forecast) {}

    /** A check of the Kontroller sheet. */
    public record CheckRow(String label, String difference, boolean ok) {}

    /** A user in the admin's list. */
    public record UserRow(String name, String role, String units, boolean active, String href) {}

    /** One of a user's keys, never the key itself. */
    public record KeyRow(long id, String name, String created, String lastUsed, boolean active) {}
}
