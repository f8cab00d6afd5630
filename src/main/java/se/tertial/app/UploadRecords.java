package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.FindingText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UploadOutcome;
import se.tertial.store.UploadRecord;
import se.tertial.store.User;
import se.tertial.workbook.Annotator;
import se.tertial.workbook.UnreadableWorkbookException;
import se.tertial.workbook.WorkbookFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The uploads on record as a user may see them: the list, one attempt with its findings, its exact bytes under a
 * safe file name and its annotated copy (every finding marked in the controller's own workbook), downloads audited;
 * a controller sees only their own attempts and their units'.
 */
public final class UploadRecords {
    private final SpecCatalog catalog;
    private final SubmissionRepository submissions;
    private final AuditService audit;

    UploadRecords(SpecCatalog catalog, SubmissionRepository submissions, AuditService audit) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** Uploads the user may see, newest first; a controller sees the units they are bound to. */
    public List<UploadRecord> list(User user, Optional<String> period, Optional<String> unit) {
        Optional<PeriodCode> p = period.filter(s -> !s.isBlank()).map(PeriodService::parse);
        Optional<UnitCode> u = unit.filter(s -> !s.isBlank()).map(s -> catalog.organisation().unit(s)
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownUnit(s))).code());
        return submissions.list(p, u).stream().filter(r -> visible(user, r)).toList();
    }

    public UploadRecord get(User user, String idText) {
        long id = id(idText);
        UploadRecord r = submissions.upload(id).filter(x -> x.kind().equals("submission"))
                .orElseThrow(() -> new TertialException.NotFound(ApiText.uploadNotFound(id)));
        if (!visible(user, r)) {
            throw new TertialException.Forbidden(ApiText.FORBIDDEN);
        }
        return r;
    }

    /** The exact bytes uploaded, under a safe file name whose extension says what the bytes are; audited. */
    public GeneratedFile original(Actor actor, String idText) {
        UploadRecord r = get(actor.user(), idText);
        GeneratedFile file = original(r);
        audited(actor, AuditKind.DOWNLOAD_ORIGINAL, r);
        return file;
    }

    /** The annotated workbook of an upload; audited. */
    public GeneratedFile annotated(Actor actor, String idText) {
        UploadRecord r = get(actor.user(), idText);
        GeneratedFile file = annotated(r);
        audited(actor, AuditKind.DOWNLOAD_ANNOTATED, r);
        return file;
    }

    private void audited(Actor actor, AuditKind kind, UploadRecord r) {
        audit.record(audit.event(actor, kind).unit(r.unit()).period(r.period()).upload(r.id())
                .submission(r.submissionId().orElse(null), r.version().orElse(null)));
    }

    /** The exact bytes uploaded, under a safe file name whose extension says what the bytes are. */
    public GeneratedFile original(User user, String idText) {
        return original(get(user, idText));
    }

    private GeneratedFile original(UploadRecord r) {
        byte[] bytes = submissions.original(r.id())
                .orElseThrow(() -> new TertialException.NotFound(ApiText.ORIGINAL_NOT_KEPT));
        return new GeneratedFile(safeFileName(r.fileName(), r.id(), r.format()), contentType(r.format()), bytes);
    }

    /**
     * The uploader's file name without directories, control, direction or reserved characters, at most 100
     * characters, with the extension of what the bytes are ({@code .xlsx}, {@code .xls}, else {@code .bin}).
     */
    static String safeFileName(String uploaded, long id, String format) {
        String ext = format == null ? "bin" : format;
        String name = uploaded == null ? "" : uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\u2028\u2029<>:\"|?*]", "").strip();
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("^[.\\s]+", "").strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return (name.isBlank() ? "inlamning-" + id : name) + "." + ext;
    }

    /** The formulas tertial writes for the unit's templates (any version) in the period; empty if unknown. */
    private se.tertial.workbook.TemplateFormulas ourFormulas(UploadRecord r) {
        if (r.unit() == null || r.period() == null) {
            return se.tertial.workbook.TemplateFormulas.none();
        }
        try {
            PeriodCode period = PeriodCode.parse(r.period());
            return catalog.organisation().unit(r.unit()).map(u -> se.tertial.workbook.TemplateFormulas.of(
                    u.templates().stream().flatMap(t -> catalog.versions(t).stream()).toList(), period))
                    .orElse(se.tertial.workbook.TemplateFormulas.none());
        } catch (IllegalArgumentException e) {
            return se.tertial.workbook.TemplateFormulas.none();
        }
    }

    /** The uploaded workbook with every finding marked; for rejected uploads too, when the file is a workbook. */
    public GeneratedFile annotated(User user, String idText) {
        return annotated(get(user, idText));
    }

    private GeneratedFile annotated(UploadRecord r) {
        byte[] bytes = submissions.original(r.id())
                .orElseThrow(() -> new TertialException.NotFound(ApiText.ORIGINAL_NOT_KEPT));
        try {
            Path tmp = TempFiles.create("annotate-");
            try {
                Files.write(tmp, bytes);
                byte[] annotated = Annotator.annotate(tmp, r.findings(), ourFormulas(r));
                String ext = "xls".equals(r.format()) ? "xls" : "xlsx";
                return new GeneratedFile(WorkbookText.annotatedFileName(r.unit(), r.period(), r.id(), ext),
                        contentType(r.format()), annotated);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (UnreadableWorkbookException e) {
            throw new TertialException.NotFound(e.reason() == UnreadableWorkbookException.Reason.TOO_LARGE
                    ? e.getMessage() : FindingText.NO_ANNOTATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finance and admin see every attempt; a controller sees their own attempts and those for their units, except a
     * forbidden attempt by someone else: it names the unit it targeted, but it is no upload of that unit's.
     */
    private static boolean visible(User user, UploadRecord r) {
        if (user.seesAllUnits() || r.uploadedBy().equals(user.name())) {
            return true;
        }
        if (r.outcome() == UploadOutcome.FORBIDDEN) {
            return false;
        }
        return r.unit() != null && user.units().stream().anyMatch(u -> u.value().equals(r.unit()));
    }

    private static String contentType(String format) {
        if ("xls".equals(format)) {
            return WorkbookFormat.XLS.contentType();
        }
        return "xlsx".equals(format) ? WorkbookFormat.XLSX.contentType() : "application/octet-stream";
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TertialException.Invalid(ApiText.invalidId(text));
        }
    }
}
