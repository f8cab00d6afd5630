package se.tertial.workbook;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The checked structure of an .xlsx — its sheets' parts, the shared-strings part, its saved date — for the bytes with
 * the given SHA-256. A bulk load identifies every file first and validates it later; with the outline the second read
 * parses only the data sheets ({@link WorkbookReader#open(java.nio.file.Path, byte[], String, Optional, ReadLimits, Deadline)}
 * uses it only for bytes with the same SHA-256). Small: it is kept for every file of a run.
 */
public final class WorkbookOutline {
    private final String sha256;
    private final Map<String, String> sheets;
    private final String sharedStrings;
    private final Optional<Instant> savedAt;

    WorkbookOutline(String sha256, Map<String, String> sheets, String sharedStrings, Optional<Instant> savedAt) {
        this.sha256 = sha256;
        this.sheets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sheets));
        this.sharedStrings = sharedStrings;
        this.savedAt = savedAt;
    }

    public String sha256() {
        return sha256;
    }

    Map<String, String> sheets() {
        return sheets;
    }

    String sharedStrings() {
        return sharedStrings;
    }

    Optional<Instant> savedAt() {
        return savedAt;
    }
}
