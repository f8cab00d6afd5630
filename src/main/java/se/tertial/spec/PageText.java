package se.tertial.spec;

/**
 * The texts the web pages say in Java (notices, confirmations, headings of error pages); the static page text is in the JTE templates.
 * The words are in {@code texts/page.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class PageText {
    private static final TextBundle T = TextBundle.of("texts/page");

    private PageText() {}

    public static final String LOGIN_FAILED = T.text("LOGIN_FAILED");

    public static final String PASSWORDS_ADMIN_ONLY = T.text("PASSWORDS_ADMIN_ONLY");

    public static final String SSO_GROUPS_OVERAGE = T.text("SSO_GROUPS_OVERAGE");

    public static final String SSO_DEACTIVATED = T.text("SSO_DEACTIVATED");

    public static String ssoLoginInvalid(String value) {
        return T.format("ssoLoginInvalid", value);
    }

    public static String ssoLoginSaved(String user, String login) {
        return T.format(login == null ? "ssoLoginRemoved" : "ssoLoginSaved", user, login == null ? "" : login);
    }

    public static String ssoNoRole(String label) {
        return T.format("ssoNoRole", label);
    }

    /** Why signing in with the region's account failed, by kind: provider_down, code_refused, token_invalid, state. */
    public static String ssoFailed(String kind, String label) {
        return T.format("ssoFailed." + kind, label);
    }

    public static final String PASSWORD_CURRENT_WRONG = T.text("PASSWORD_CURRENT_WRONG");

    public static final String PASSWORD_REPEAT_DIFFERS = T.text("PASSWORD_REPEAT_DIFFERS");

    public static final String PASSWORD_SAME = T.text("PASSWORD_SAME");

    public static String passwordTooShort(int min) {
        return T.format("passwordTooShort", min);
    }

    public static final String NO_FILE_CHOSEN = T.text("NO_FILE_CHOSEN");

    public static final String CSRF_FAILED = T.text("CSRF_FAILED");

    public static final String SIGN_IN_REQUIRED = T.text("SIGN_IN_REQUIRED");

    public static final String PERIOD_LOCKED_READ_ONLY = T.text("PERIOD_LOCKED_READ_ONLY");

    public static String daysLeft(long days) {
        if (days < 0) {
            return T.format(days == -1 ? "daysLeft.lateOne" : "daysLeft.late", -days);
        }
        return days == 0 ? T.text("daysLeft.today") : T.format(days == 1 ? "daysLeft.one" : "daysLeft.many", days);
    }

    public static String userCreated(String name, String password) {
        return T.format("userCreated", name, password);
    }

    public static String oneTimePasswordSet(String name, String password) {
        return T.format("oneTimePasswordSet", name, password);
    }

    public static String keyCreated(String key) {
        return T.format("keyCreated", key);
    }

    public static String userRoleSaved(String name, String role, String units) {
        return units.isEmpty() ? T.format("userRoleSaved", name, role) : T.format("userRoleSaved.units", name, role,
                units);
    }

    public static String emailSaved(String address) {
        return address == null ? T.text("emailSaved.removed") : T.format("emailSaved", address);
    }

    public static String userDeactivated(String name) {
        return T.format("userDeactivated", name);
    }

    public static String userReactivated(String name) {
        return T.format("userReactivated", name);
    }

    public static String keyRevoked(String name, long id) {
        return T.format("keyRevoked", id, name);
    }

    public static String confirmDeactivate(String name) {
        return T.format("confirmDeactivate", name);
    }

    public static String confirmRevoke(String name, long id, String keyName) {
        return T.format("confirmRevoke", id, keyName, name);
    }

    public static String confirmLock(String period) {
        return T.format("confirmLock", period);
    }

    public static String periodCreated(String period, String deadline) {
        return T.format("periodCreated", period, deadline);
    }

    public static String periodLockedNotice(String period) {
        return T.format("periodLockedNotice", period);
    }

    public static String periodUnlockedNotice(String period) {
        return T.format("periodUnlockedNotice", period);
    }

    /** The heading of an error page, in words. */
    public static String errorTitle(int status) {
        String key = switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "signIn";
            case 403 -> "forbidden";
            case 404, 405 -> "notFound";
            case 409 -> "conflict";
            case 413 -> "tooLarge";
            case 429 -> "tooMany";
            case 503 -> "unavailable";
            default -> "failed";
        };
        return T.text("errorTitle." + key);
    }

    /** A thread entry's action as shown: "Inlämnad", "Godkänd", "Återsänd", "Återöppnad". */
    public static String threadAction(String action) {
        return T.textOr("threadAction." + action, action);
    }

    /** The heading of the comment column in a list of changes. */
    public static final String COMMENT_COLUMN = T.text("COMMENT_COLUMN");

    public static String versionName(int version) {
        return T.format("versionName", version);
    }

    public static String returnedVersion(int version) {
        return T.format("returnedVersion", version);
    }

    public static String lastYearVersion(String period, int version) {
        return T.format("lastYearVersion", period, version);
    }

    public static String balanceOk(String column) {
        return T.format("balanceOk", column);
    }

    public static String balanceOff(String column, String difference) {
        return T.format("balanceOff", column, difference);
    }

    public static String changesSince(String against) {
        return T.format("changesSince", against);
    }

    public static String noChangesSince(String against) {
        return T.format("noChangesSince", against);
    }

    public static String historyChartTitle(String period) {
        return T.format("historyChartTitle", period);
    }

    /** What a check of the report compares, where a difference comes from and what to do about it. */
    public static String checkExplained(String code) {
        return T.textOr("check." + code, "");
    }

    public static String bulkItem(String name, String unit, int version) {
        return T.format("bulkItem", name, unit, Integer.toString(version));
    }

    public static String bulkRefusedItem(String name, String unit, int version, String reason) {
        return T.format("bulkRefusedItem", name, unit, Integer.toString(version), reason);
    }

    public static String confirmBulkApprove(int count) {
        return T.format("confirmBulkApprove", Integer.toString(count));
    }

    public static String bulkApproved(int count) {
        return T.format("bulkApproved", Integer.toString(count));
    }

    public static String bulkRefused(int count) {
        return T.format("bulkRefused", Integer.toString(count));
    }

    public static String deadlineMoved(String period, String date) {
        return T.format("deadlineMoved", period, date);
    }

    public static String deviationChartTitle(String period) {
        return T.format("deviationChartTitle", period);
    }

    public static String unitChartTitle(String namnd, String period) {
        return T.format("unitChartTitle", namnd, period);
    }
}
