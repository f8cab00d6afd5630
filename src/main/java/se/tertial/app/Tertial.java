package se.tertial.app;

import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.store.Database;
import se.tertial.store.PeriodRepository;
import se.tertial.store.SubmissionRepository;
import se.tertial.workbook.TemplateWriter;

import java.time.Clock;

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

    private Tertial(Config config, SpecCatalog catalog, Database db, Clock clock) {
        this.config = config;
        this.catalog = catalog;
        this.db = db;
        this.periods = new PeriodService(new PeriodRepository(db), clock);
        this.templates = new TemplateService(catalog, periods, new SubmissionRepository(db),
                new TemplateWriter(config.sheetPassword()), config, clock);
    }

    public static Tertial open(Config config) {
        return open(config, Clock.systemUTC());
    }

    public static Tertial open(Config config, Clock clock) {
        SpecCatalog catalog = SpecLoader.load(config.templatesDir());
        return new Tertial(config, catalog, Database.open(config.databaseFile()), clock);
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

    @Override
    public void close() {
        db.close();
    }
}
