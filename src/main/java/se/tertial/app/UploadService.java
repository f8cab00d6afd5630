package se.tertial.app;

import se.tertial.ingest.Identity;
import se.tertial.ingest.Ingest;
import se.tertial.ingest.IngestResult;
import se.tertial.ingest.Outcome;
import se.tertial.ingest.Rules;
import se.tertial.spec.Finding;
import se.tertial.spec.ApiText;
import se.tertial.spec.FindingText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;
import se.tertial.store.AcceptedVersion;
import se.tertial.store.NewUpload;
import se.tertial.store.PeriodRepository;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UploadOutcome;
import se.tertial.store.User;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Uploads of filled templates: validate, record the attempt with its bytes and findings, and make an accepted
 * upload the unit's current version — one transaction; a batch (a bulk load) prepared in parallel and stored in
 * one commit. What is on record afterwards is read through {@link UploadRecords}.
 */
public final class UploadService {
    private final SpecCatalog catalog;
    private final PeriodRepository periods;
    private final SubmissionRepository submissions;
    private final BudgetService budgets;
    private final Clock clock;
    private final Limits limits;
    private final se.tertial.store.ReviewRepository reviews;
    private final AuditService audit;
    private final Notices notices;

    public UploadService(SpecCatalog catalog, PeriodRepository periods, SubmissionRepository submissions,
                         BudgetService budgets, se.tertial.store.ReviewRepository reviews, AuditService audit,
                         Notices notices, Clock clock, Limits limits) {
        this.reviews = reviews;
        this.audit = audit;
        this.notices = notices;
        this.limits = limits;
        this.catalog = catalog;
        this.periods = periods;
        this.submissions = submissions;
        this.budgets = budgets;
        this.clock = clock;
    }

    /**
     * How an upload is taken. Bulk loading (admin): bytes seen before are skipped, a period that does not exist is
     * created, and with {@code allowLocked} a locked period takes the file. A dry run validates and stores nothing.
     */
    public record Options(boolean bulk, boolean allowLocked, boolean dryRun, Optional<LastYear> lastYear,
                          Optional<Seen> seen) {
        public static final Options UPLOAD = new Options(false, false, false);

        public Options(boolean bulk, boolean allowLocked, boolean dryRun) {
            this(bulk, allowLocked, dryRun, Optional.empty(), Optional.empty());
        }

        /**
         * The same options, with one {@link LastYear} memo and one {@link Seen} answer shared by every file of a bulk
         * run.
         */
        public Options withLastYear() {
            return new Options(bulk, allowLocked, dryRun, Optional.of(new LastYear()), Optional.of(new Seen()));
        }
    }

    /**
     * Which of a bulk run's files have been uploaded before, asked once for all of them (in chunks) when they are
     * identified: a fresh history load then asks nothing per file, and a file seen before is looked up as always.
     * A per-file lookup by SHA-256 in the checks' snapshot was a tenth of the workers' time (JFR): its index pages
     * were read again after every commit of the committer. Until {@link #load} every file may have been seen.
     */
    public static final class Seen {
        private volatile java.util.Set<String> before;

        void load(UploadService uploads, java.util.Collection<String> sha256s) {
            before = uploads.submissions.uploadedBefore(sha256s);
        }

        /** False only when the run's question said these bytes were never uploaded. */
        boolean mayHave(String sha256) {
            java.util.Set<String> b = before;
            return b == null || b.contains(sha256);
        }
    }

    /**
     * Last year's current facts per unit and period, read once per bulk run instead of once per file. Sound because
     * a bulk load stores its periods oldest first, each complete before the next: the facts a file compares with
     * (the same period a year earlier) are final before the first file that asks for them is read.
     */
    public static final class LastYear {
        private final java.util.concurrent.ConcurrentHashMap<String,
                Optional<Map<se.tertial.spec.FactKey, se.tertial.money.Amount>>> facts =
                new java.util.concurrent.ConcurrentHashMap<>();

        Optional<Map<se.tertial.spec.FactKey, se.tertial.money.Amount>> get(UnitCode unit, PeriodCode period,
                java.util.function.Supplier<Optional<Map<se.tertial.spec.FactKey, se.tertial.money.Amount>>> read) {
            return facts.computeIfAbsent(unit.value() + "/" + period, k -> read.get());
        }
    }

    /** What became of an upload. {@code unchanged}: identical to the current version, no new version made. */
    /**
     * What became of an upload. {@code unchanged}: identical to the current version, no new version made.
     * {@code retried}: these exact bytes were refused before and were read again (a bulk load after a mapping was
     * added or fixed); {@code sameAsBefore}: refused again for the same reasons, so nothing new was recorded.
     */
    public record Result(long id, UploadOutcome outcome, Optional<String> unit, Optional<String> period,
                         Optional<Integer> version, List<Finding> errors, List<Finding> warnings,
                         Optional<String> source, int facts, boolean retried, boolean sameAsBefore) {
        public Result(long id, UploadOutcome outcome, Optional<String> unit, Optional<String> period,
                      Optional<Integer> version, List<Finding> errors, List<Finding> warnings,
                      Optional<String> source, int facts) {
            this(id, outcome, unit, period, version, errors, warnings, source, facts, false, false);
        }

        public boolean unchanged() {
            return outcome == UploadOutcome.UNCHANGED;
        }

        Result retried(boolean wasRefused) {
            return new Result(id, outcome, unit, period, version, errors, warnings, source, facts, wasRefused,
                    sameAsBefore);
        }
    }

    /** On the command line (bulk loads) and in tests: the user acts on the server itself. */
    public Result upload(User user, ReceivedFile file) {
        return upload(Actor.cli(user), file, Options.UPLOAD, Optional.empty());
    }

    public Result upload(User user, ReceivedFile file, Options options) {
        return upload(Actor.cli(user), file, options, Optional.empty());
    }

    /**
     * Validates and stores an upload; {@code message} is the uploader's note to finance (e.g. the answer to a
     * returned report), kept in the unit's thread when a new version is made. The attempt and its audit event are
     * stored together.
     */
    public Result upload(Actor actor, ReceivedFile file, Options options, Optional<String> message) {
        return store(prepare(actor, file, options, message, Optional.empty()));
    }

    /**
     * An upload validated and ready to store ({@link #store}, {@link #storeAll}), or already answered ({@code done}:
     * a duplicate, a dry run, a file refused again for the same reasons).
     */
    public static final class Prepared {
        private final Actor actor;
        private final Options options;
        private final Optional<String> note;
        private final Optional<Result> done;
        private final NewUpload upload;
        private final UploadOutcome outcome;
        private final IngestResult result;
        private final Optional<AcceptedVersion> accepted;
        private final Optional<String> source;
        private final boolean retried;

        private Prepared(Actor actor, Options options, Optional<String> note, Optional<Result> done, NewUpload upload,
                         UploadOutcome outcome, IngestResult result, Optional<AcceptedVersion> accepted,
                         Optional<String> source, boolean retried) {
            this.actor = actor;
            this.options = options;
            this.note = note;
            this.done = done;
            this.upload = upload;
            this.outcome = outcome;
            this.result = result;
            this.accepted = accepted;
            this.source = source;
            this.retried = retried;
        }

        private static Prepared done(Result r) {
            return new Prepared(null, null, Optional.empty(), Optional.of(r), null, null, null, Optional.empty(),
                    Optional.empty(), false);
        }
    }

    /**
     * Validates an upload without storing it. {@code known}: what a bulk load's identifying read found for these
     * bytes, so that the package is not read twice.
     */
    public Prepared prepare(Actor actor, ReceivedFile file, Options options, Optional<String> message,
                            Optional<Ingest.Identification> known) {
        User user = actor.user();
        Optional<String> note = message.map(se.tertial.spec.PlainText::message).map(String::strip)
                .filter(m -> !m.isEmpty());
        if (note.isPresent() && note.get().length() > ReviewService.MESSAGE_MAX) {
            throw new TertialException.Invalid(ApiText.reviewMessageTooLong(ReviewService.MESSAGE_MAX));
        }
        // An upload is as new as the moment it arrived: one that took long to check never overtakes a later one.
        java.time.Instant received = clock.instant();
        // Bulk loading skips bytes that were taken before; bytes refused before are read again, since a mapping
        // may have been added or fixed since (a period locked then may take them now with allowLocked).
        // Every question the checks ask the store is answered from one snapshot (one read transaction).
        return submissions.snapshot(() -> prepare(actor, user, file, options, note, known, received));
    }

    private Prepared prepare(Actor actor, User user, ReceivedFile file, Options options, Optional<String> note,
                             Optional<Ingest.Identification> known, java.time.Instant received) {
        boolean mayHaveBeenSeen = options.seen().map(s -> s.mayHave(file.sha256())).orElse(true);
        Optional<SubmissionRepository.Earlier> earlier = options.bulk() && mayHaveBeenSeen
                ? submissions.earlier(file.sha256()) : Optional.empty();
        if (earlier.filter(SubmissionRepository.Earlier::anyTaken).isPresent()) {
            return Prepared.done(new Result(0, UploadOutcome.DUPLICATE, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), Optional.empty(), 0));
        }
        boolean retried = earlier.isPresent();
        StoreIngestContext ctx = new StoreIngestContext(catalog, periods, submissions, budgets, reviews, user, options,
                se.tertial.workbook.ReadLimits.DEFAULT.withTimeout(limits.uploadTimeout()));
        IngestResult result = Ingest.run(file.file(), file.bytes(), file.fileName() == null ? "" : file.fileName(),
                ctx, file.sha256(), known);
        Optional<Identity> id = result.identity();
        NewUpload upload = new NewUpload("submission", user.name(), received, se.tertial.spec.PlainText.name(
                file.fileName()), file.bytes(),
                file.sha256(), id.map(i -> i.unit().value()).orElse(null),
                id.map(i -> i.period().toString()).orElse(null), format(file.bytes()), keepRejectedUpTo(file));
        UploadOutcome outcome = result.isForbidden() ? UploadOutcome.FORBIDDEN : switch (result.outcome()) {
            case ACCEPTED -> UploadOutcome.ACCEPTED;
            case ACCEPTED_WITH_WARNINGS -> UploadOutcome.ACCEPTED_WITH_WARNINGS;
            case REJECTED -> UploadOutcome.REJECTED;
        };
        // An upload is as new as its moment; history loaded in bulk is as old as the workbook says it is.
        java.time.Instant made = options.bulk() ? result.savedAt().orElse(received) : received;
        if (outcome.isAccepted() && result.facts().isEmpty()) {
            throw new IllegalStateException("an accepted upload without facts: the ingest must refuse it");
        }
        Optional<AcceptedVersion> accepted = outcome.isAccepted()
                ? Optional.of(version(id.orElseThrow(), result, made, options.allowLocked())) : Optional.empty();
        Optional<String> source = id.map(Identity::source);
        if (options.dryRun()) {
            return Prepared.done(new Result(0, outcome, Optional.ofNullable(upload.unit()),
                    Optional.ofNullable(upload.period()), Optional.empty(), result.errors(), result.warnings(), source,
                    result.facts().size()));
        }
        if (retried && outcome == UploadOutcome.REJECTED && earlier.get().latestRules().equals(
                result.errors().stream().map(Finding::rule).toList())) {
            // Refused again for the same reasons: the attempt on record says it all; a rerun adds nothing.
            return Prepared.done(new Result(earlier.get().latestId(), outcome, Optional.ofNullable(upload.unit()),
                    Optional.ofNullable(upload.period()), Optional.empty(), result.errors(), result.warnings(), source,
                    0, true, true));
        }
        return new Prepared(actor, options, note, Optional.empty(), upload, outcome, result, accepted, source,
                retried);
    }

    /** Stores a prepared upload in one transaction. */
    public Result store(Prepared p) {
        if (p.done.isPresent()) {
            return p.done.get();
        }
        SubmissionRepository.Stored stored;
        try {
            stored = submissions.store(p.upload, p.outcome, p.result.findings(), p.accepted, p.note,
                    audit.event(p.actor, AuditKind.UPLOAD), p.options.bulk());
        } catch (se.tertial.store.ReviewRepository.Approved e) {
            return refusedAsApproved(p);
        } catch (se.tertial.store.PeriodRepository.Locked e) {
            return refusedAsLocked(p);
        }
        return stored(p, stored);
    }

    /**
     * Stores prepared uploads in order in one transaction, each inside a savepoint of its own: a bulk load commits
     * (and syncs to disk) once per batch instead of once per file, and one file's failure takes back only its own
     * rows. Results in the same order; an upload that failed to store has its exception as its result's cause.
     */
    public List<Result> storeAll(List<Prepared> batch) {
        List<SubmissionRepository.Pending> pending = new java.util.ArrayList<>();
        for (Prepared p : batch) {
            if (p.done.isEmpty()) {
                pending.add(new SubmissionRepository.Pending(p.upload, p.outcome, p.result.findings(), p.accepted,
                        p.note, audit.event(p.actor, AuditKind.UPLOAD), p.options.bulk()));
            }
        }
        List<SubmissionRepository.StoreResult> stored = pending.isEmpty() ? List.of() : submissions.storeAll(pending);
        List<Result> results = new java.util.ArrayList<>();
        int i = 0;
        for (Prepared p : batch) {
            if (p.done.isPresent()) {
                results.add(p.done.get());
                continue;
            }
            SubmissionRepository.StoreResult r = stored.get(i++);
            if (r.failure() instanceof se.tertial.store.ReviewRepository.Approved) {
                results.add(refusedAsApproved(p));
            } else if (r.failure() instanceof se.tertial.store.PeriodRepository.Locked) {
                results.add(refusedAsLocked(p));
            } else if (r.failure() != null) {
                throw r.failure();
            } else {
                results.add(stored(p, r.stored()));
            }
        }
        return results;
    }

    private Result stored(Prepared p, SubmissionRepository.Stored stored) {
        if (stored.outcome().isAccepted() && stored.version().isPresent() && p.accepted.isPresent()
                && !p.options.bulk()) {
            // History loaded in bulk notifies no one: those versions were submitted long ago.
            notifySubmitted(p.accepted.get(), stored.version().get(), p.actor.user().name(), p.note);
        }
        return new Result(stored.uploadId(), stored.outcome(), Optional.ofNullable(p.upload.unit()),
                Optional.ofNullable(p.upload.period()), stored.version(), p.result.errors(), p.result.warnings(),
                p.source, p.result.facts().size()).retried(p.retried);
    }

    /** Finance approved the report between the check and the store: refused like any approved report. */
    private Result refusedAsApproved(Prepared p) {
        return refusedInStore(p, Finding.error(Rules.REVIEW_APPROVED, ApiText.reviewApprovedNoUpload(
                p.upload.unit(), p.upload.period())));
    }

    /** Finance locked the period (through any instance) between the check and the store: refused as locked. */
    private Result refusedAsLocked(Prepared p) {
        return refusedInStore(p, Finding.error(Rules.PERIOD_LOCKED, FindingText.periodLocked(p.upload.period())));
    }

    private Result refusedInStore(Prepared p, Finding refused) {
        List<Finding> findings = new java.util.ArrayList<>(p.result.findings());
        findings.add(0, refused);
        SubmissionRepository.Stored stored = submissions.store(p.upload, UploadOutcome.REJECTED, findings,
                Optional.empty(), p.note, audit.event(p.actor, AuditKind.UPLOAD));
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        return new Result(stored.uploadId(), stored.outcome(), Optional.ofNullable(p.upload.unit()),
                Optional.ofNullable(p.upload.period()), Optional.empty(), errors, p.result.warnings(), p.source, 0);
    }

    private void notifySubmitted(AcceptedVersion v, int version, String by, Optional<String> note) {
        var unit = catalog.organisation().unit(v.unit().value());
        var period = periods.find(v.period());
        if (unit.isPresent() && period.isPresent()) {
            notices.submitted(unit.get(), period.get(), version, by, note);
        }
    }

    /**
     * What a bulk load would make of one file, in words: the mapping and every anchor it found, or why each mapping
     * does not fit, and the facts it would store. Nothing is stored.
     */
    public List<String> explain(User user, Path file, String fileName) {
        StoreIngestContext ctx = new StoreIngestContext(catalog, periods, submissions, budgets, reviews, user,
                new Options(true, true, true), se.tertial.workbook.ReadLimits.DEFAULT.withTimeout(limits.uploadTimeout()));
        return se.tertial.ingest.Explain.explain(file, fileName, ctx);
    }

    /** A rejected file that is not even a workbook is kept only when small; a workbook up to the daily quota. */
    private long keepRejectedUpTo(ReceivedFile file) {
        return se.tertial.workbook.WorkbookReader.looksLikeWorkbook(file.bytes()) ? Long.MAX_VALUE
                : limits.keepNonWorkbookBytes();
    }

    private AcceptedVersion version(Identity id, IngestResult result, java.time.Instant made, boolean intoLocked) {
        Map<TemplateId, String> sheets = new LinkedHashMap<>();
        id.templates().forEach(t -> sheets.put(t.id(), t.sheet()));
        String templates = id.templates().stream().map(t -> t.id() + ":" + t.version())
                .collect(Collectors.joining(","));
        return new AcceptedVersion(id.unit(), id.period(), result.outcome() == Outcome.ACCEPTED_WITH_WARNINGS,
                templates, sheets, result.facts(), result.comments(), made, intoLocked);
    }

    private static String format(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B) {
            return "xlsx";
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            return "xls";
        }
        return null;
    }

}
