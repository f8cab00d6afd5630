package se.tertial.app;

import se.tertial.ingest.Ingest;
import se.tertial.spec.CliText;
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
 * every file is identified locally in parallel (unit, period, its own save date — and what that read found, so the
 * package is not parsed again), while the store opens; then each unit's files for a period are checked oldest first, so the newest becomes
 * current whatever the file order; different units go in parallel, and so do periods, except that a period waits
 * until the same period a year earlier is stored completely (its checks compare with it). Checked files go to
 * one committer thread that stores them in batches (one transaction and one sync to disk per batch, a savepoint per
 * file) while the next files are read. A bad file never stops the run; every file gets a row in the report.
 */
public final class BulkLoader {
    /** Files checked but not yet stored, at most: keeps memory flat however long the run. */
    static final int QUEUE = 128;
    /** Files stored per transaction, at most. */
    static final int BATCH = 64;

    /** Submits one file to a running server (checked and stored there, one by one). */
    @FunctionalInterface
    public interface Submitter {
        FileResult submit(Path file, String relativeName, byte[] bytes);
    }

    /**
     * Checks files ({@link #stage}, on the worker threads) and stores checked files in order ({@link #commit}, on the
     * one committer thread).
     */
    public interface Loader<S> {
        S stage(Path file, String relativeName, byte[] bytes, Optional<Ingest.Identification> known);

        /** Before the first {@link #stage}: the SHA-256 of every distinct file of the run (for one query, not one each). */
        default void identified(java.util.Set<String> sha256s) {}

        List<FileResult> commit(List<S> staged);
    }

    /** A submitter that stores each file as it checks it: the committer only reports. */
    public static Loader<FileResult> perFile(Submitter submitter) {
        return new Loader<>() {
            @Override
            public FileResult stage(Path file, String name, byte[] bytes, Optional<Ingest.Identification> known) {
                return submitter.submit(file, name, bytes);
            }

            @Override
            public List<FileResult> commit(List<FileResult> staged) {
                return staged;
            }
        };
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
                        Optional<se.tertial.spec.PeriodCode> period, Ingest.Identification id) {}

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
        return run(dir, files, perFile(submitter), progress);
    }

    public <S> List<FileResult> run(Path dir, List<Path> files, Loader<S> loader, Progress progress) {
        return run(dir, files, () -> loader, progress);
    }

    /** What a load stores with, made while the files are being identified (opening a store takes a while). */
    @FunctionalInterface
    public interface LoaderSource<S> {
        Loader<S> open();
    }

    /**
     * As {@link #run(Path, List, Loader, Progress)}, with the loader made on this thread while the workers already
     * identify the files: identifying needs the catalog only, so a store that opens (and migrates) meanwhile costs
     * no time of its own.
     */
    public <S> List<FileResult> run(Path dir, List<Path> files, LoaderSource<S> source, Progress progress) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "tertial-bulk-worker-" + n.incrementAndGet());
            // Below the committer, the one serial stage: on two cores it otherwise got only its fair share of a core
            // while it held up everything queued behind it (honoured with -XX:ThreadPriorityPolicy=1, as in
            // scripts/bulk-load.jvm; a lower priority needs no privilege).
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        BulkCommitter<S> committer = null;
        try {
            List<Future<Item>> identified = new ArrayList<>();
            for (Path f : files) {
                identified.add(pool.submit(() -> identify(dir, f)));
            }
            Loader<S> loader = source.open();
            committer = new BulkCommitter<>(loader, progress);
            Thread committing = new Thread(committer, "tertial-bulk-commit");
            committing.start();
            Map<String, List<Item>> groups = new LinkedHashMap<>();
            Map<String, Item> bySha = new LinkedHashMap<>();
            List<FileResult> all = new ArrayList<>();
            for (Future<Item> f : identified) {
                Item item = Futures.result(f);
                Item first = bySha.putIfAbsent(item.sha256(), item);
                if (first != null) {
                    // The same bytes twice in one run: the first (by path) is loaded, the copy is reported.
                    FileResult dup = new FileResult(item.name(), item.sha256(), "", "", "", "duplicate", 0,
                            CliText.bulkDuplicateOf(first.name()));
                    progress.done(dup);
                    all.add(dup);
                    continue;
                }
                groups.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
            }
            loader.identified(java.util.Collections.unmodifiableSet(bySha.keySet()));
            // Periods load oldest first: a rule that compares with last year (tenfold change) then always sees last
            // year's final current version, whatever the file order.
            java.util.TreeMap<String, List<List<Item>>> byPeriod = new java.util.TreeMap<>();
            for (List<Item> group : groups.values()) {
                group.sort(Comparator.comparing(Item::date).thenComparing(Item::name));
                String period = group.get(0).period().map(Object::toString).orElse("~"); // unidentified last
                byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(group);
            }
            // A period is checked once the same period a year earlier is stored completely (the only earlier data
            // its checks read: the tenfold rule's last year); the periods in between go meanwhile.
            java.util.TreeMap<String, java.util.concurrent.CompletableFuture<Void>> stored = new java.util.TreeMap<>();
            BulkCommitter<S> staging = committer;
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (Map.Entry<String, List<List<Item>>> wave : byPeriod.entrySet()) {
                String period = wave.getKey();
                String needed = period.equals("~") ? "~" : se.tertial.spec.PeriodCode.parse(period)
                        .samePeriodLastYear().toString();
                stored.headMap(needed, true).values().forEach(java.util.concurrent.CompletableFuture::join);
                List<java.util.concurrent.CompletableFuture<Void>> staged = new ArrayList<>();
                for (List<Item> group : wave.getValue()) {
                    // One task per unit and period: its files are checked and queued in order, so stored in order.
                    staged.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            for (Item item : group) {
                                staging.put(stage(loader, item));
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
                java.util.concurrent.CompletableFuture<Void> committed = new java.util.concurrent.CompletableFuture<>();
                stored.put(period, committed);
                java.util.concurrent.CompletableFuture.allOf(staged.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                failures.add(failure);
                            }
                            staging.mark(committed); // stored once the committer reaches it
                        });
            }
            stored.values().forEach(java.util.concurrent.CompletableFuture::join);
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.get(0));
            }
            all.addAll(committer.flush());
            all.sort(Comparator.comparing(FileResult::file));
            return all;
        } finally {
            if (committer != null) {
                committer.stop();
            }
            pool.shutdownNow(); // a loader that failed to open leaves identifications nobody waits for
        }
    }

    /** Never fails: a file that cannot even be identified forms a group of its own and is reported as it loads. */
    private Item identify(Path dir, Path file) {
        String name = dir.relativize(file).toString();
        String sha;
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            sha = ReceivedFile.sha256(bytes);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            sha = "?" + name;
        }
        Ingest.Identification id;
        try {
            id = Ingest.identify(file, bytes, sha, file.getFileName().toString(), catalog);
        } catch (RuntimeException | StackOverflowError e) {
            id = new Ingest.Identification(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Instant date = id.savedAt().orElseGet(() -> modified(file));
        // Files that cannot be identified each form their own group.
        String key = id.unit().isPresent() && id.period().isPresent() ? id.unit().get() + "/" + id.period().get()
                : "?" + name;
        return new Item(file, name, key, date, sha, id.period(), id);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static <S> BulkCommitter.Staged<S> stage(Loader<S> loader, Item item) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(item.path());
        } catch (IOException | OutOfMemoryError e) {
            // Gone, unreadable or larger than memory since it was listed: this file's row, never the whole run.
            return new BulkCommitter.Staged<>(null, new FileResult(item.name(), "", "", "", "", "error", 0,
                    CliText.bulkFileUnreadable(e)));
        }
        try {
            return new BulkCommitter.Staged<>(loader.stage(item.path(), item.name(), bytes, Optional.of(item.id())), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new BulkCommitter.Staged<>(null, new FileResult(item.name(), ReceivedFile.sha256(bytes), "", "", "", "error", 0,
                    String.valueOf(e.getMessage())));
        }
    }


    /**
     * Straight into the store, as the given (admin) user: files are checked on the workers and stored in batches by
     * the committer ({@link UploadService#storeAll}). A batch that fails as a whole (a full disk) is stored again
     * file by file, so that each file gets its own answer.
     */
    public static Loader<Direct> direct(UploadService uploads, se.tertial.store.User user,
                                        UploadService.Options options) {
        Actor actor = Actor.cli(user);
        UploadService.Options run = options.withLastYear();
        return new Loader<>() {
            @Override
            public Direct stage(Path file, String name, byte[] bytes, Optional<Ingest.Identification> known) {
                ReceivedFile received = ReceivedFile.existing(file.getFileName().toString(), file, bytes);
                return new Direct(name, received.sha256(), uploads.prepare(actor, received, run, Optional.empty(),
                        known));
            }

            @Override
            public void identified(java.util.Set<String> sha256s) {
                run.seen().ifPresent(seen -> seen.load(uploads, sha256s));
            }

            @Override
            public List<FileResult> commit(List<Direct> staged) {
                List<UploadService.Result> results;
                try {
                    results = uploads.storeAll(staged.stream().map(Direct::prepared).toList());
                } catch (RuntimeException e) {
                    List<FileResult> one = new ArrayList<>();
                    for (Direct d : staged) {
                        try {
                            one.add(result(d, uploads.store(d.prepared())));
                        } catch (RuntimeException x) {
                            one.add(new FileResult(d.name(), d.sha256(), "", "", "", "error", 0,
                                    String.valueOf(x.getMessage())));
                        }
                    }
                    return one;
                }
                List<FileResult> out = new ArrayList<>();
                for (int i = 0; i < staged.size(); i++) {
                    out.add(result(staged.get(i), results.get(i)));
                }
                return out;
            }
        };
    }

    /** A file checked for the store, waiting for its batch. */
    public record Direct(String name, String sha256, UploadService.Prepared prepared) {}

    private static FileResult result(Direct d, UploadService.Result r) {
        return new FileResult(d.name(), d.sha256(), r.unit().orElse(""), r.period().orElse(""),
                r.source().orElse(""), r.outcome().dbValue(), r.facts(), r.errors().stream().findFirst()
                .map(se.tertial.spec.Finding::message).orElse(""), r.retried());
    }
}
