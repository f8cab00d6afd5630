package se.tertial.spec;

import java.util.List;

/**
 * The e-mails tertial sends (reminders, returned, approved, submitted, test) and what the pages say about e-mail.
 * The words are in {@code texts/mail.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class MailText {
    private static final TextBundle T = TextBundle.of("texts/mail");

    private MailText() {}

    private static final String MAIL_FOOTER = T.text("MAIL_FOOTER");

    public static String mailReminderSubject(PeriodCode period, java.time.LocalDate deadline, boolean after) {
        return T.format(after ? "mailReminderSubject.late" : "mailReminderSubject", period, deadline);
    }

    public static String mailReminderLine(Unit unit, String state, String link) {
        return T.format("mailReminderLine", unit.code().value(), unit.name(), state, link);
    }

    public static String mailReminder(String name, PeriodCode period, java.time.LocalDate deadline, boolean after,
                                      List<String> lines, String link) {
        return T.format(after ? "mailReminder.late" : "mailReminder", name, CommonText.periodName(period), deadline,
                String.join("\n", lines), link) + MAIL_FOOTER;
    }

    public static String mailReturnedSubject(Unit unit, PeriodCode period) {
        return T.format("mailReturnedSubject", unit.code().value(), period);
    }

    public static String mailReturned(String name, Unit unit, PeriodCode period, java.time.LocalDate deadline,
                                      int version, String message, String link) {
        return T.format("mailReturned", name, unit.code().value(), unit.name(), CommonText.periodName(period), version, message, deadline, link, MAIL_FOOTER);
    }

    public static String mailApprovedSubject(Unit unit, PeriodCode period) {
        return T.format("mailApprovedSubject", unit.code().value(), period);
    }

    public static String mailApproved(String name, Unit unit, PeriodCode period, int version,
                                      java.util.Optional<String> message, String link) {
        return T.format("mailApproved", name, unit.code().value(), unit.name(), CommonText.periodName(period), version)
                + message.map(m -> T.format("mail.message", m)).orElse("") + "\n\n" + link + MAIL_FOOTER;
    }

    public static String mailSubmittedSubject(Unit unit, PeriodCode period, int version) {
        return T.format("mailSubmittedSubject", unit.code().value(), period, version);
    }

    public static String mailSubmitted(String name, Unit unit, PeriodCode period, int version, String by,
                                       java.util.Optional<String> message, String link) {
        return T.format("mailSubmitted", name, by, version, unit.code().value(), unit.name(),
                CommonText.periodName(period)) + message.map(m -> T.format("mail.message", m)).orElse("")
                + T.format("mailSubmitted.link", link) + MAIL_FOOTER;
    }

    public static final String MAIL_NOT_CONFIGURED = T.text("MAIL_NOT_CONFIGURED");

    public static final String MAIL_TEST_SUBJECT = T.text("MAIL_TEST_SUBJECT");

    public static String mailConfigured(String server, String from) {
        return T.format("mailConfigured", server, from);
    }

    public static String mailNoAddress(String name) {
        return T.format("mailNoAddress", name);
    }

    public static String mailTest(String name) {
        return T.format("mailTest", name, MAIL_FOOTER);
    }

    public static String mailTestSent(String to) {
        return T.format("mailTestSent", to);
    }

    public static String mailTestFailed(String to) {
        return T.format("mailTestFailed", to);
    }

    public static String reminderFailed(String to) {
        return T.format("reminderFailed", to);
    }

    /** What a press of "Påminn" did, in words. */
    public static String reminded(List<String> reminded, List<String> alreadyToday, List<String> noAddress) {
        List<String> parts = new java.util.ArrayList<>();
        if (!reminded.isEmpty()) {
            parts.add(T.format("reminded.sent", String.join(", ", reminded)));
        }
        if (!alreadyToday.isEmpty()) {
            parts.add(T.format("reminded.already", String.join(", ", alreadyToday)));
        }
        if (!noAddress.isEmpty()) {
            parts.add(T.format("reminded.noAddress", String.join(", ", noAddress)));
        }
        return parts.isEmpty() ? T.text("reminded.none") : String.join(" ", parts);
    }

    public static final String REMINDERS_BUSY = T.text("REMINDERS_BUSY");
}
