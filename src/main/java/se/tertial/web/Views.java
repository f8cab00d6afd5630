package se.tertial.web;

import java.util.List;

/** What the page templates show: plain values, already in Swedish. Public because the compiled templates use them. */
public final class Views {
    private Views() {}

    /**
     * One period as shown: its name, deadline in words and the units' rows; a locked period is read-only (its state,
     * versions and files, no templates or uploads).
     */
    public record PeriodView(String code, String name, String deadline, String deadlineText, boolean overdue,
                             boolean locked, List<UnitRow> units) {}

    /** One unit's state in a period. */
    public record UnitRow(String unit, String name, String status, String statusLabel, Integer version,
                          String uploadedAt, String uploadedBy, String templateXlsx, String templateXls,
                          String historyHref, String review, String reviewLabel, String reviewNote,
                          String financeMessage) {
        /** A unit's row from its status: the review state beside the latest attempt's outcome. */
        static UnitRow of(se.tertial.app.PeriodService.UnitStatusView s, String period) {
            String base = "/enheter/" + s.unit() + "/" + period;
            String note = null;
            if (s.reviewBy() != null && s.reviewAt() != null && !"inlamnad".equals(s.review())) {
                note = (s.reviewVersion() == null ? "" : "version " + s.reviewVersion() + ", ") + s.reviewBy() + " "
                        + se.tertial.spec.CommonText.dateTime(s.reviewAt());
            }
            // The latest word from finance (a return's question, an approval's note), for the controller to read.
            String message = null;
            if (s.thread() != null) {
                for (var m : s.thread()) {
                    if (!"submitted".equals(m.action())) {
                        message = m.message();
                    }
                }
            }
            return new UnitRow(s.unit(), s.name(), s.status(), se.tertial.spec.CommonText.statusLabel(s.status()),
                    s.currentVersion(), s.uploadedAt() == null ? null : se.tertial.spec.CommonText.dateTime(s.uploadedAt()),
                    s.uploadedBy(), base + "/mall.xlsx", base + "/mall.xls", base,
                    s.review() == null ? "saknas" : s.review(), s.reviewLabel() == null ? "saknas" : s.reviewLabel(),
                    note, message);
        }
    }

    /** One entry of a unit's thread, in Swedish. */
    public record ThreadRow(String at, String author, String action, Integer version, String message) {}

    /** The review panel of a unit and period: its state, thread and (for finance) what may be decided. */
    public record ReviewPanel(String state, String label, Integer currentVersion, List<ThreadRow> thread,
                              boolean mayDecide, boolean mayApprove, boolean mayReturn, boolean mayReopen,
                              String approveHref, String returnHref, String reopenHref) {}

    /** One event of the audit log. */
    public record AuditRow(long id, String at, String actor, String via, String address, String kind, String unit,
                           String period, String version, String detail) {}

    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {}

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
    public record DeviationRow(String label, boolean total, String period, String forecast, String href) {}

    /** A check of the Kontroller sheet. */
    public record CheckRow(String label, String difference, boolean ok, String explanation, List<CheckSource> sources,
                           int more) {}

    /** A unit behind a check's difference: its name and code, its review page, its share in mnkr (or none). */
    public record CheckSource(String label, String href, String difference) {}

    /** A user in the admin's list. */
    public record UserRow(String name, String role, String units, boolean active, String href) {}

    /** One of a user's keys, never the key itself. */
    public record KeyRow(long id, String name, String created, String lastUsed, boolean active) {}

    /**
     * The second step of an action that cannot be undone in one click: the question in words, the same form posted
     * again with {@code bekraftat=ja} and its fields (name in {@code value}, value in {@code label}), and a way back.
     */
    public record Confirm(String question, String action, String button, String cancel, List<Option> fields,
                          List<String> items) {}

    /** A unit on the status board: its row, nämnd, controllers, whether "Påminn" is offered, its tick-box value. */
    public record BoardRow(UnitRow unit, String namnd, String namndName, String controllers, boolean remind,
                           String pick) {}

    /** A sortable column heading: its link, and for the sorted column its aria-sort and order in words. */
    public record SortHeading(String label, String href, String ariaSort, String order) {}

    /** What the administrator typed into the new-user form, kept when it is refused. */
    public record UserForm(String name, String role, String units) {
        public static final UserForm EMPTY = new UserForm("", "controller", "");
    }

    /** A row of "Bokslut och prognos": a unit (code and name) or a nämnd's total, its values in mnkr. */
    public record HistoryRow(String code, String name, boolean total, List<String> values) {}

    /** A unit of a nämnd on the report's second level, in words and mnkr. */
    public record DrillUnit(String unit, String name, String group, String period, String forecast, String review,
                            String reviewLabel, int warnings, String latest, String href, List<String> comments) {}
}
