package se.tertial.app;

import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.store.BudgetRepository;
import se.tertial.store.Checkpoint;
import se.tertial.store.Database;
import se.tertial.store.UserRepository;
import se.tertial.store.PeriodRepository;
import se.tertial.store.SubmissionRepository;
import se.tertial.workbook.TemplateWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * One running tertial: the checked specs, the open database and the services over them. Loading fails fast, before
 * the database is touched, if the specs are broken.
 */
public final class Tertial implements AutoCloseable {
    private final Config config;
    private final SpecCatalog catalog;
    private final Database db;
    private final PeriodService periods;
    private final TemplateService templates;
    private final SubmissionRepository submissions;
    private final UserService users;
    private final BudgetService budgets;
    private final UploadService uploads;
    private final UploadRecords uploadRecords;
    private final ReportService reports;
    private final AuthService auth;
    private final se.tertial.store.ReviewRepository reviewRepository;
    private final AuditService audit;
    private final Notices notices;
    private final ReviewService reviews;
    private final Optional<Mailer> mailer;
    private final Optional<MailNotices> mailNotices;
    private final ReminderService reminders;
    private final TestMail testMail;
    private final ReviewFigures reviewFigures;
    private final RemindNow remindNow;
    private final NamndDrilldown namndDrilldown;
    private final StatusBoard statusBoard;
    private final FeedService feed;
    private final SsoService sso;

    private Tertial(Config config, SpecCatalog catalog, Database db, Clock clock, Checkpoint checkpoint) {
        this.config = config;
        this.catalog = catalog;
        this.db = db;
        PeriodRepository periodRepository = new PeriodRepository(db);
        this.audit = new AuditService(new se.tertial.store.AuditRepository(db), clock);
        this.periods = new PeriodService(periodRepository, audit, clock);
        this.submissions = new SubmissionRepository(db, checkpoint, config.limits().rejectedBytesPerDay());
        UserRepository userRepository = new UserRepository(db);
        this.users = new UserService(userRepository, catalog.organisation(), audit, clock);
        this.auth = new AuthService(userRepository, new se.tertial.store.SessionRepository(db),
                new se.tertial.store.LoginThrottleRepository(db), audit, clock, config.sso().passwordsForAll());
        this.budgets = new BudgetService(catalog, new BudgetRepository(db), submissions, config, clock);
        this.templates = new TemplateService(catalog, periods, submissions, budgets,
                new TemplateWriter(config.sheetPassword()), config, clock);
        this.reviewRepository = new se.tertial.store.ReviewRepository(db);
        this.mailer = config.mail().enabled() ? Optional.of(new Mailer(config.mail())) : Optional.empty();
        this.mailNotices = mailer.map(m -> new MailNotices(m, userRepository, config.publicUrl()));
        this.notices = mailNotices.<Notices>map(n -> n).orElse(Notices.NONE);
        this.reviews = new ReviewService(catalog.organisation(), periods, reviewRepository, audit, notices, clock);
        this.uploadRecords = new UploadRecords(catalog, submissions, audit);
        this.uploads = new UploadService(catalog, periodRepository, submissions, budgets, reviewRepository, audit,
                notices, clock, config.limits());
        this.reports = new ReportService(catalog, periods, submissions, reviews, audit,
                new se.tertial.store.ChangeStamps(db));
        se.tertial.store.ReminderRepository sentReminders = new se.tertial.store.ReminderRepository(db);
        this.reminders = new ReminderService(config.mail(), mailer, catalog.organisation(), periods, reviews,
                submissions, userRepository, sentReminders, config.publicUrl(), clock);
        this.remindNow = new RemindNow(mailer, catalog.organisation(), periods, reviews, submissions, userRepository,
                sentReminders, audit, config.publicUrl(), clock);
        this.testMail = new TestMail(config.mail(), mailer, users, audit);
        se.tertial.store.VersionReads versionReads = new se.tertial.store.VersionReads(db);
        this.reviewFigures = new ReviewFigures(catalog, versionReads, submissions, reviewRepository);
        this.namndDrilldown = new NamndDrilldown(reports, periods, reviews, submissions, versionReads);
        this.statusBoard = new StatusBoard(catalog.organisation(), periods, reviews, submissions, userRepository,
                clock);
        this.feed = new FeedService(catalog, new se.tertial.store.FeedRepository(db), reports, periods, db, audit,
                clock);
        feed.refreshNames();
        this.sso = new SsoService(config.sso(), new se.tertial.store.SsoRepository(db), auth, audit,
                catalog.organisation(), users, clock);
    }

    public static Tertial open(Config config) {
        return open(config, Clock.systemUTC());
    }

    public static Tertial open(Config config, Clock clock) {
        return open(config, clock, Checkpoint.NONE);
    }

    /** With a checkpoint inside upload transactions, for tests that inject failures. */
    public static Tertial open(Config config, Clock clock, Checkpoint checkpoint) {
        TempFiles.removeLeftovers();
        // The two halves of a start that need nothing of each other run side by side: reading the organisation and
        // templates (Jackson) on a second thread while this one opens the store (the pool, SQLite, the migrations).
        java.util.concurrent.FutureTask<SpecCatalog> specs = takeReadAhead(config.templatesDir());
        if (specs == null) {
            specs = reading(config.templatesDir());
            Thread reader = new Thread(specs, "tertial-start-specs");
            reader.setDaemon(true);
            reader.start();
        }
        Database store = null;
        try {
            store = config.openStore();
            StartTrace.mark("store opened");
            Tertial app = new Tertial(config, Futures.result(specs), store, clock, checkpoint);
            StartTrace.mark("services made");
            return app;
        } catch (RuntimeException | Error e) {
            if (store != null) {
                store.close();
            }
            // a problem in the templates is the one to report, also when the store failed meanwhile
            Futures.result(specs);
            throw e;
        }
    }

    /** The templates read ahead by {@link #readTemplatesAhead}, with the directory they were read from. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<Path,
            java.util.concurrent.FutureTask<SpecCatalog>>> READ_AHEAD = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Reads the organisation and templates of {@code dir} on the calling thread, for the next {@link #open} of a
     * configuration with that same directory: {@code serve} starts this on a second thread while picocli reads the
     * command line on the first, from the directory the command line will name. A different directory, or none,
     * and the read-ahead is dropped unused.
     */
    public static void readTemplatesAhead(Path dir) {
        java.util.concurrent.FutureTask<SpecCatalog> task = reading(dir);
        READ_AHEAD.set(java.util.Map.entry(dir.toAbsolutePath().normalize(), task));
        task.run();
    }

    private static java.util.concurrent.FutureTask<SpecCatalog> takeReadAhead(Path dir) {
        var ahead = READ_AHEAD.getAndSet(null);
        return ahead != null && ahead.getKey().equals(dir.toAbsolutePath().normalize()) ? ahead.getValue() : null;
    }

    private static java.util.concurrent.FutureTask<SpecCatalog> reading(Path dir) {
        return new java.util.concurrent.FutureTask<>(() -> {
            SpecCatalog c = SpecLoader.load(dir);
            StartTrace.mark("organisation and templates read");
            return c;
        });
    }


    /** With a catalog loaded from {@code config.templatesDir()} already (a bulk load identifies files meanwhile). */
    public static Tertial open(Config config, SpecCatalog catalog) {
        TempFiles.removeLeftovers();
        return new Tertial(config, catalog, config.openStore(), Clock.systemUTC(), Checkpoint.NONE);
    }

    public Config config() {
        return config;
    }

    public SpecCatalog catalog() {
        return catalog;
    }

    public Database database() {
        return db;
    }

    public PeriodService periods() {
        return periods;
    }

    public TemplateService templates() {
        return templates;
    }

    public SubmissionRepository submissions() {
        return submissions;
    }

    public UserService users() {
        return users;
    }

    public BudgetService budgets() {
        return budgets;
    }

    public UploadService uploads() {
        return uploads;
    }

    /** The uploads on record: list, one attempt, original and annotated copy. */
    public UploadRecords uploadRecords() {
        return uploadRecords;
    }

    public ReportService reports() {
        return reports;
    }

    public AuthService auth() {
        return auth;
    }

    public ReviewService reviews() {
        return reviews;
    }

    public AuditService audit() {
        return audit;
    }

    public NamndDrilldown namndDrilldown() {
        return namndDrilldown;
    }

    public SsoService sso() {
        return sso;
    }

    public FeedService feed() {
        return feed;
    }

    public StatusBoard statusBoard() {
        return statusBoard;
    }

    public RemindNow remindNow() {
        return remindNow;
    }

    public ReviewFigures reviewFigures() {
        return reviewFigures;
    }

    public TestMail testMail() {
        return testMail;
    }

    public ReminderService reminders() {
        return reminders;
    }

    /** Waits until the notices queued so far have been handed to the mail server (tests, shutdown). */
    public void flushMail() {
        mailNotices.ifPresent(MailNotices::flush);
    }

    @Override
    public void close() {
        mailNotices.ifPresent(MailNotices::close);
        db.close();
    }
}
