package se.tertial.app;

import se.tertial.ingest.Ingest;
import se.tertial.spec.Messages;
import se.tertial.spec.SpecCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Loads a directory of workbooks (recursive, .xlsx and .xls) through the same ingest as an upload, in one JVM. First
 * every file is identified locally in parallel (unit, period, its own save date); then each unit's files for a
 * period are submitted oldest first, so the newest becomes current whatever the file order; different units and
 * periods go in parallel. A bad file never stops the run; every file gets a row in the report.
 */
public final class BulkLoader {
    /** Submits one file: directly to the store, or to a running server. */
    @FunctionalInterface
    public interface Submitter {
        FileResult submit(Path file, String relativeName, byte[] bytes);
    }

    /** Called after each file, from any thread. */
    @FunctionalInterface
    public interface Progress {
        void done(FileResult result);
    }

    /** One line of the report. */
    /** One line of the report; {@code retried}: these bytes were refused by an earlier load and read again. */
    public record FileResult(String file, String sha256, String unit, String period, String source, String outcome,
                             int facts, String firstError, boolean retried) {
        public FileResult(String file, String sha256, String unit, String period, String source, String outcome,
                          int facts, String firstError) {
            this(file, sha256, unit, period, source, outcome, facts, firstError, false);
        }
    }

    private record Item(Path path, String name, String key, Instant date, String sha256,
                        Optional<se.tertial.spec.PeriodCode> period) {}

    private final SpecCatalog catalog;
    private final int jobs;

    public BulkLoader(SpecCatalog catalog, int jobs) {
        this.catalog = catalog;
        this.jobs = Math.max(1, jobs);
    }

    /** The workbooks under a directory, in a stable order. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".xlsx") || n.endsWith(".xls")) && !n.startsWith("~$") && !n.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FileResult> run(Path dir, List<Path> files, Submitter submitter, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Item>> identified = new ArrayList<>();
            for (Path f : files) {
                identified.add(pool.submit(() -> identify(dir, f)));
            }
            Map<String, List<Item>> groups = new LinkedHashMap<>();
            Map<String, Item> bySha = new LinkedHashMap<>();
            List<FileResult> all = new ArrayList<>();
            for (Future<Item> f : identified) {
                Item item = get(f);
                Item first = bySha.putIfAbsent(item.sha256(), item);
                if (first != null) {
                    // The same bytes twice in one run: the first (by path) is loaded, the copy is reported.
                    FileResult dup = new FileResult(item.name(), item.sha256(), "", "", "", "duplicate", 0,
                            Messages.bulkDuplicateOf(first.name()));
                    progress.done(dup);
                    all.add(dup);
                    continue;
                }
                groups.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
            }
            // Periods load in order, oldest first, each complete before the next: a rule that compares with last
            // year (tenfold change) then always sees last year's final current version, whatever the file order.
            java.util.TreeMap<String, List<List<Item>>> byPeriod = new java.util.TreeMap<>();
            for (List<Item> group : groups.values()) {
                group.sort(Comparator.comparing(Item::date).thenComparing(Item::name));
                String period = group.get(0).period().map(Object::toString).orElse("~"); // unidentified last
                byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(group);
            }
            for (List<List<Item>> wave : byPeriod.values()) {
                List<Future<List<FileResult>>> loaded = new ArrayList<>();
                for (List<Item> group : wave) {
                    loaded.add(pool.submit(() -> {
                        List<FileResult> results = new ArrayList<>();
                        for (Item item : group) {
                            FileResult r = submit(submitter, item);
                            progress.done(r);
                            results.add(r);
                        }
                        return results;
                    }));
                }
                for (Future<List<FileResult>> f : loaded) {
                    all.addAll(get(f));
                }
            }
            all.sort(Comparator.comparing(FileResult::file));
            return all;
        } finally {
            pool.shutdown();
        }
    }

    /** Never fails: a file that cannot even be identified forms a group of its own and is reported as it loads. */
    private Item identify(Path dir, Path file) {
        String name = dir.relativize(file).toString();
        Ingest.Identification id;
        try {
            id = Ingest.identify(file, file.getFileName().toString(), catalog);
        } catch (RuntimeException | StackOverflowError e) {
            id = new Ingest.Identification(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Instant date = id.savedAt().orElseGet(() -> modified(file));
        // Files that cannot be identified each form their own group.
        String key = id.unit().isPresent() && id.period().isPresent() ? id.unit().get() + "/" + id.period().get()
                : "?" + name;
        String sha;
        try {
            sha = ReceivedFile.sha256(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            sha = "?" + name;
        }
        return new Item(file, name, key, date, sha, id.period());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static FileResult submit(Submitter submitter, Item item) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(item.path());
        } catch (IOException e) {
            return new FileResult(item.name(), "", "", "", "", "error", 0, e.getMessage());
        }
        try {
            return submitter.submit(item.path(), item.name(), bytes);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(item.name(), ReceivedFile.sha256(bytes), "", "", "", "error", 0,
                    String.valueOf(e.getMessage()));
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Submits straight to the store, as the given (admin) user. */
    public static Submitter direct(UploadService uploads, se.tertial.store.User user, UploadService.Options options) {
        return (file, name, bytes) -> {
            ReceivedFile received = ReceivedFile.existing(file.getFileName().toString(), file, bytes);
            UploadService.Result r = uploads.upload(user, received, options);
            return new FileResult(name, received.sha256(), r.unit().orElse(""), r.period().orElse(""),
                    r.source().orElse(""), r.outcome().dbValue(), r.facts(), r.errors().stream().findFirst()
                    .map(se.tertial.spec.Finding::message).orElse(""), r.retried());
        };
    }

}
