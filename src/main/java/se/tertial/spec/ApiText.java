package se.tertial.spec;

/**
 * The Swedish error texts of requests, for the API and the pages alike: invalid input, access, limits, the review round.
 * The words are in {@code texts/api.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class ApiText {
    private static final TextBundle T = TextBundle.of("texts/api");

    private ApiText() {}

    public static String invalidCode(String kind, String value) {
        return T.format("invalidCode", kind, value);
    }

    public static String invalidPeriod(String text) {
        return T.format("invalidPeriod", text);
    }

    public static String invalidPeriodYear(int year) {
        return T.format("invalidPeriodYear", year);
    }

    public static String unknownUnit(String code) {
        return T.format("unknownUnit", code);
    }

    public static String unknownPeriod(String code) {
        return T.format("unknownPeriod", code);
    }

    public static String periodExists(String code) {
        return T.format("periodExists", code);
    }

    public static String invalidDeadline(String text) {
        return T.format("invalidDeadline", text);
    }

    public static String missingField(String field) {
        return T.format("missingField", field);
    }

    public static String invalidJsonBody(String example) {
        return T.format("invalidJsonBody", example);
    }

    public static String invalidJsonField(String field, String example) {
        return T.format("invalidJsonField", field, example);
    }

    public static String notFoundPath(String path) {
        return T.format("notFoundPath", path);
    }

    public static String methodNotAllowed(String method, String path) {
        return T.format("methodNotAllowed", method, path);
    }

    public static final String FORBIDDEN = T.text("FORBIDDEN");

    public static final String INTERNAL_ERROR = T.text("INTERNAL_ERROR");

    public static final String TOO_LARGE = T.text("TOO_LARGE");

    public static final String STORAGE_FULL = T.text("STORAGE_FULL");

    public static String tooManyRequests(long seconds) {
        return T.format("tooManyRequests", seconds);
    }

    public static final String ORIGINAL_NOT_KEPT = T.text("ORIGINAL_NOT_KEPT");

    public static String invalidUserName() {
        return T.format("invalidUserName");
    }

    public static String invalidKeyName() {
        return T.format("invalidKeyName");
    }

    public static String userNotFound(String name) {
        return T.format("userNotFound", LogText.safe(String.valueOf(name)));
    }

    public static String keyNotFound(String user, long id) {
        return T.format("keyNotFound", LogText.safe(user), id);
    }

    public static String invalidEmail(String email) {
        return T.format("invalidEmail", LogText.safe(email));
    }

    public static String unknownAuditKind(String kind) {
        return T.format("unknownAuditKind", LogText.safe(kind));
    }

    public static String invalidDate(String text) {
        return T.format("invalidDate", LogText.safe(text));
    }

    public static String reviewPeriodLocked(String period) {
        return T.format("reviewPeriodLocked", period);
    }

    public static String reviewApprovedNoUpload(String unit, String period) {
        return T.format("reviewApprovedNoUpload", unit, period);
    }

    public static String reviewNothingSubmitted(String unit, String period) {
        return T.format("reviewNothingSubmitted", unit, period);
    }

    public static String reviewAlreadyReturned(String unit, String period) {
        return T.format("reviewAlreadyReturned", unit, period);
    }

    public static String reviewAlreadyApproved(String unit, String period) {
        return T.format("reviewAlreadyApproved", unit, period);
    }

    public static String reviewNotApproved(String unit, String period, String state) {
        return T.format("reviewNotApproved", unit, period, state);
    }

    public static String reviewStaleVersion(String unit, String period, int given, int current) {
        return T.format("reviewStaleVersion", given, unit, period, current);
    }

    public static final String REVIEW_MESSAGE_REQUIRED = T.text("REVIEW_MESSAGE_REQUIRED");

    public static String reviewMessageTooLong(int max) {
        return T.format("reviewMessageTooLong", max);
    }

    public static final String REVIEW_VERSION_REQUIRED = T.text("REVIEW_VERSION_REQUIRED");

    public static final String CONTROLLER_NEEDS_UNITS = T.text("CONTROLLER_NEEDS_UNITS");

    public static final String ONLY_CONTROLLERS_HAVE_UNITS = T.text("ONLY_CONTROLLERS_HAVE_UNITS");

    public static final String UNAUTHORIZED = T.text("UNAUTHORIZED");

    public static final String UNAUTHORIZED_BAD_TOKEN = T.text("UNAUTHORIZED_BAD_TOKEN");

    public static final String BAD_MULTIPART = T.text("BAD_MULTIPART");

    public static final String MISSING_FILE = T.text("MISSING_FILE");

    public static String invalidRole(String role) {
        return T.format("invalidRole", role);
    }

    public static String userChangedDetail(String name, String before, String after) {
        return T.format("userChangedDetail", name, before, after);
    }

    public static String tooManyUnits(int max) {
        return T.format("tooManyUnits", max);
    }

    public static String userExists(String name) {
        return T.format("userExists", name);
    }

    public static String unitForbidden(String unit) {
        return T.format("unitForbidden", unit);
    }

    public static String fileTooLarge(long maxBytes) {
        return T.format("fileTooLarge", (maxBytes / (1024 * 1024)));
    }

    public static String uploadNotFound(long id) {
        return T.format("uploadNotFound", id);
    }

    public static String invalidYear(String text) {
        return T.format("invalidYear", text);
    }

    public static String invalidId(String text) {
        return T.format("invalidId", text);
    }

    public static String zipTooManyEntries(int max) {
        return T.format("zipTooManyEntries", max);
    }

    public static String zipTooLarge(long max) {
        return T.format("zipTooLarge", (max / (1024L * 1024 * 1024)));
    }

    public static String zipUnsafeName(String name) {
        return T.format("zipUnsafeName", LogText.safe(name));
    }

    public static String zipBomb(int ratio) {
        return T.format("zipBomb", ratio);
    }

    public static String zipUnreadableEntry() {
        return T.format("zipUnreadableEntry");
    }

    public static String zipUnreadable() {
        return T.format("zipUnreadable");
    }

    public static String unknownNamnd(String code) {
        return T.format("unknownNamnd", code);
    }

    public static String deadlineOfLockedPeriod(String period) {
        return T.format("deadlineOfLockedPeriod", period);
    }

    public static String boardUnknownNamnd(String code) {
        return T.format("boardUnknownNamnd", LogText.safe(code));
    }

    public static String boardUnknownReview(String key) {
        return T.format("boardUnknownReview", LogText.safe(key));
    }

    public static String boardUnknownSort(String key) {
        return T.format("boardUnknownSort", LogText.safe(key));
    }

    public static String bulkBadPick(String text) {
        return T.format("bulkBadPick", LogText.safe(text));
    }

    public static final String BULK_NOTHING_PICKED = T.text("BULK_NOTHING_PICKED");

    public static String bulkNewerVersion(int picked, int current) {
        return T.format("bulkNewerVersion", Integer.toString(picked), Integer.toString(current));
    }

    public static String bulkNotClean(String review, String outcome) {
        return T.format("bulkNotClean", review, outcome);
    }

    public static String feedFilterUnreadable() {
        return T.format("feedFilterUnreadable");
    }

    public static String feedFilterNotCondition() {
        return T.format("feedFilterNotCondition");
    }

    public static String feedOperatorUnsupported(String op) {
        return T.format("feedOperatorUnsupported", op);
    }

    public static String feedCompareWhat() {
        return T.format("feedCompareWhat");
    }

    public static String feedFunctionUnsupported(String name) {
        return T.format("feedFunctionUnsupported", name);
    }

    public static String feedLiteralUnsupported(String text) {
        return T.format("feedLiteralUnsupported", text);
    }

    public static String feedUnknownProperty(String name) {
        return T.format("feedUnknownProperty", name);
    }

    public static String feedWrongType(String name, String type) {
        return T.format("feedWrongType", name, type);
    }

    public static String feedOptionUnsupported(String option) {
        return T.format("feedOptionUnsupported", option);
    }

    public static String feedOrderByUnsupported() {
        return T.format("feedOrderByUnsupported");
    }

    public static String feedBadSkipToken() {
        return T.format("feedBadSkipToken");
    }

    public static String feedBadRequest() {
        return T.format("feedBadRequest");
    }

    public static String feedNotFound() {
        return T.format("feedNotFound");
    }

    public static String feedNotAcceptable() {
        return T.format("feedNotAcceptable");
    }

    public static String feedUnauthorized() {
        return T.format("feedUnauthorized");
    }

    public static String feedFailed() {
        return T.format("feedFailed");
    }

    public static String feedTypesDiffer() {
        return T.format("feedTypesDiffer");
    }

    public static String feedFilterTooLong(String max) {
        return T.format("feedFilterTooLong", max);
    }

    public static String feedQueryTooLong(String max) {
        return T.format("feedQueryTooLong", max);
    }

    public static String feedQueryTooDeep(String max) {
        return T.format("feedQueryTooDeep", max);
    }
}
