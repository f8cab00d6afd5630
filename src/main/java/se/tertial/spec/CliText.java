package se.tertial.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * What the command line and the start of the service say: spec files, data directory, database, backup and restore, bulk load.
 * The words are in {@code texts/cli.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class CliText {
    private static final TextBundle T = TextBundle.of("texts/cli");

    private CliText() {}

    public static String specProblems(List<String> problems) {
        return T.format("specProblems", problems.size(), String.join("\n  ", problems));
    }

    public static String specDirMissing(Path dir) {
        return T.format("specDirMissing", dir.toAbsolutePath());
    }

    public static String specUnknownFile() {
        return T.format("specUnknownFile");
    }

    public static String specFileNameMismatch(String id, int version) {
        return T.format("specFileNameMismatch", id, version);
    }

    public static String specUnexpectedShape() {
        return T.format("specUnexpectedShape");
    }

    public static String specDuplicate(String kind, String value) {
        return T.format("specDuplicate", kind, value);
    }

    public static String specJsonError(String path, String detail) {
        return path.isEmpty() ? T.format("specJsonError", detail) : T.format("specJsonError.at", path, detail);
    }

    public static String specFileUnreadable(String detail) {
        return T.format("specFileUnreadable", detail);
    }

    public static String specVersionInvalid(int version) {
        return T.format("specVersionInvalid", version);
    }

    public static String specSheetNameInvalid(String sheet) {
        return T.format("specSheetNameInvalid", sheet, WorkbookText.INSTRUCTIONS_SHEET);
    }

    public static String specOnlyFor(String field, String kind) {
        return T.format("specOnlyFor", field, kind);
    }

    public static String specMissing(String field) {
        return T.format("specMissing", field);
    }

    public static String specHeadingInvalid(String heading) {
        return T.format("specHeadingInvalid", heading);
    }

    public static String specWidthInvalid(int width) {
        return T.format("specWidthInvalid", width);
    }

    public static String specFormulaInvalid(String formula) {
        return T.format("specFormulaInvalid", formula);
    }

    public static String specUnknownReference(String kind, String ref) {
        return T.format("specUnknownReference", kind, ref);
    }

    public static String specSumOfMemo(String ref) {
        return T.format("specSumOfMemo", ref);
    }

    public static String specSumCycle(String code) {
        return T.format("specSumCycle", code);
    }

    public static String specNegative(BigDecimal value) {
        return T.format("specNegative", value.toPlainString());
    }

    public static String specEnumInvalid(String value, List<String> allowed) {
        return T.format("specEnumInvalid", value, String.join(", ", allowed));
    }

    public static String specNamndWithoutUnits() {
        return T.format("specNamndWithoutUnits");
    }

    public static String unknownPlaceholder(String name, String template) {
        return T.format("unknownPlaceholder", name, template);
    }

    public static String invalidSign(String symbol) {
        return T.format("invalidSign", symbol);
    }

    public static String storeBeingRestored(Path dir) {
        return T.format("storeBeingRestored", dir);
    }

    public static String databaseUrlUnsupported(String url) {
        return T.format("databaseUrlUnsupported", url.replaceAll("(?i)(password=)[^&]*", "$1***"));
    }

    public static String databaseUnreachable(String where, String detail) {
        return T.format("databaseUnreachable", where, detail);
    }

    public static String copyTargetNotEmpty(String where) {
        return T.format("copyTargetNotEmpty", where);
    }

    public static String copySourceNotSqlite() {
        return T.format("copySourceNotSqlite");
    }

    public static String copyCountDiffers(String table, long source, long target) {
        return T.format("copyCountDiffers", table, source, target);
    }

    public static String copyFactsDiffer(String period, String source, String target) {
        return T.format("copyFactsDiffer", period, source, target);
    }

    public static String copyOriginalDiffers(long uploadId) {
        return T.format("copyOriginalDiffers", uploadId);
    }

    public static String postgresBackup() {
        return T.format("postgresBackup");
    }

    public static String checkPostgres(String index, String detail) {
        return T.format("checkPostgres", index, detail);
    }

    public static String backupTargetExists(Path target) {
        return T.format("backupTargetExists", target);
    }

    public static String restoreNotABackup(Path file) {
        return T.format("restoreNotABackup", file);
    }

    public static String restoreStoreInUse(Path dir) {
        return T.format("restoreStoreInUse", dir);
    }

    public static String checkSqlite(String detail) {
        return T.format("checkSqlite", detail);
    }

    public static String checkForeignKey(String table, long row, String parent) {
        return T.format("checkForeignKey", table, row, parent);
    }

    public static String checkVersionWithoutFacts(String unit, String period, int version) {
        return T.format("checkVersionWithoutFacts", unit, period, version);
    }

    public static String checkVersionGaps(String unit, String period, int count, int highest) {
        return T.format("checkVersionGaps", unit, period, count, highest);
    }

    public static String checkCurrentCount(String unit, String period, int current) {
        return T.format("checkCurrentCount", unit, period, current);
    }

    public static String checkOriginalChanged(long uploadId) {
        return T.format("checkOriginalChanged", uploadId);
    }

    public static String dataDirIsFile(Path dir) {
        return T.format("dataDirIsFile", dir);
    }

    public static String dataDirReadOnly(Path dir) {
        return T.format("dataDirReadOnly", dir);
    }

    public static String dataDirUnusable(Path dir, String reason) {
        return T.format("dataDirUnusable", dir, reason);
    }

    public static String databaseIsDirectory(Path db) {
        return T.format("databaseIsDirectory", db);
    }

    public static String databaseNotSqlite(Path db) {
        return T.format("databaseNotSqlite", db);
    }

    public static String diskFull(Path dir) {
        return T.format("diskFull", dir);
    }

    public static String invalidPort(int port) {
        return T.format("invalidPort", port);
    }

    public static String portInUse(String host, int port) {
        return T.format("portInUse", port, host);
    }

    public static String invalidUploadLimit(int mb) {
        return T.format("invalidUploadLimit", mb);
    }

    public static String invalidPool(int value) {
        return T.format("invalidPool", value);
    }

    public static String adminCreated(String name, String file, String token) {
        return T.format("adminCreated", name, file, token);
    }

    public static String hostUnknown(String host) {
        return T.format("hostUnknown", LogText.safe(host));
    }

    public static String hostNotLocal(String host) {
        return T.format("hostNotLocal", LogText.safe(host));
    }

    public static String ssoMissing(String setting) {
        return T.format("ssoMissing", setting);
    }

    public static String invalidLimit(String flag, String value) {
        return T.format("invalidLimit", value, flag);
    }

    public static String adminTokenFileStillThere(java.nio.file.Path file) {
        return T.format("adminTokenFileStillThere", file.toAbsolutePath());
    }

    public static String unreadableFile(String option, Path file) {
        return T.format("unreadableFile", option, file.toAbsolutePath());
    }

    public static final String BULK_ADMIN_ONLY = T.text("BULK_ADMIN_ONLY");

    public static final String BULK_REPORT_SHEET = T.text("BULK_REPORT_SHEET");

    public static final List<String> BULK_REPORT_HEADINGS = T.list("BULK_REPORT_HEADINGS");

    /** The outcome of a file an earlier load refused and this one read again. */
    public static String bulkRetried(String outcome) {
        return "rejected".equals(outcome) ? T.text("bulkRetried.again")
                : T.format("bulkRetried", CommonText.bulkOutcome(outcome));
    }

    /** A file of a bulk load that could not be read from disk when its turn came. */
    public static String bulkFileUnreadable(Throwable cause) {
        String why = cause instanceof java.nio.file.NoSuchFileException ? T.text("bulkFileUnreadable.gone")
                : cause instanceof java.nio.file.AccessDeniedException ? T.text("bulkFileUnreadable.denied")
                : cause instanceof OutOfMemoryError ? T.text("bulkFileUnreadable.tooLarge")
                : String.valueOf(cause.getMessage());
        return T.format("bulkFileUnreadable", why);
    }

    public static String bulkDuplicateOf(String first) {
        return T.format("bulkDuplicateOf", first);
    }

    public static String bulkReportTitle(java.util.Map<String, Integer> counts) {
        List<String> parts = new java.util.ArrayList<>();
        counts.forEach((k, v) -> parts.add(T.format("bulkReportTitle.count", v, CommonText.bulkOutcome(k))));
        return T.format("bulkReportTitle", String.join(", ", parts));
    }
}
