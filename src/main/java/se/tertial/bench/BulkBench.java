package se.tertial.bench;

import se.tertial.app.BulkLoader;
import se.tertial.app.Tertial;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Unit;
import se.tertial.workbook.TemplateFiller;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Bulk-load throughput, timed as a user runs it: for each kind of workbook — filled by tertial's own writer (POI), and
 * filled and saved by a script with openpyxl (no cached formula results, every part rewritten) — {@code files}
 * distinct valid Resultat workbooks (19 units × 21 periods, several versions each) are written to a directory and
 * loaded by a fresh {@code java -Xmx1g … bulk-load DIR} process into a fresh store; the wall-clock time of that
 * command, from start to exit, is the figure. Beside it, in the same run, the floor: reading and unzipping the same
 * files and storing, in one batched transaction in a SQLite file with the same settings (WAL,
 * {@code synchronous=FULL}), each original and as many fact rows as the load stored — the work no loader can avoid.
 */
final class BulkBench {
    private static final String MARKER = "-1.234";
    private static final Path OPENPYXL_FILL = Path.of("scripts/openpyxl-fill.py").toAbsolutePath();
    static final Path JVM_OPTIONS = Path.of("scripts/bulk-load.jvm").toAbsolutePath();
    /** Added by scripts/bulk-load.sh for a load of fewer than {@link #SMALL_LOAD_FILES} workbooks. */
    static final Path SMALL_LOAD_OPTIONS = Path.of("scripts/bulk-load-small.jvm").toAbsolutePath();
    /** The script's {@code small_load_files} (a test keeps the two equal). */
    static final int SMALL_LOAD_FILES = 7000;
    private final Tertial app;
    private final PrintWriter out;
    private final int files;
    private final int jobs;
    private final Path dir;
    private final Path templates;

    private final java.util.Optional<se.tertial.store.DatabaseUrl> postgresql;
    private final Class<?> commandLine;

    BulkBench(Tertial app, PrintWriter out, int files, int jobs, Path dir, Path templates,
              java.util.Optional<se.tertial.store.DatabaseUrl> postgresql, Class<?> commandLine) {
        this.postgresql = postgresql;
        this.commandLine = commandLine;
        this.app = app;
        this.out = out;
        this.files = files;
        this.jobs = jobs;
        this.dir = dir;
        this.templates = templates;
    }

    void run() throws Exception {
        out.printf("bulk: %,d files per kind, each loaded by `bulk-load --jobs %d` in a new JVM (the options of scripts/bulk-load.sh)%n", files,
                jobs);
        out.println("bulk: class archive: " + ClassArchive.beside(System.getProperty("java.class.path"))
                .map(a -> a + " (made by mvn package)")
                .orElse("none (only beside a jar mvn package made, and newer than it)"));
        out.flush();
        List<Base> bases = bases();
        Path tertialMade = write(bases, "tertial", false);
        double sqlite = measure("tertial (POI)", tertialMade, java.util.Optional.empty());
        if (postgresql.isPresent()) {
            // The same files into PostgreSQL, emptied first; the target is within 1.2x of SQLite.
            se.tertial.store.StorageFloor.emptied(postgresql.get());
            double pg = measure("tertial (POI), PostgreSQL", tertialMade, postgresql);
            out.printf("bulk: PostgreSQL / SQLite = %.2f×   target ≤ 1.2×: %s%n", pg / sqlite,
                    pg <= 1.2 * sqlite ? "met" : "NOT met");
        }
        if (!Files.isRegularFile(OPENPYXL_FILL) || !openpyxlAvailable()) {
            out.println("bulk: openpyxl-made workbooks skipped: needs /usr/bin/python3 with openpyxl (python3-openpyxl;"
                    + " scripts/test.sh installs it) and scripts/openpyxl-fill.py");
        } else {
            measure("openpyxl", write(bases, "openpyxl", true), java.util.Optional.empty());
        }
        out.flush();
    }

    /** One filled workbook per unit and period, the variants are made from. */
    record Base(String name, byte[] blank, List<TemplateFiller.Entry> entries) {}

    private List<Base> bases() {
        return bases(app, 2016, 2022, Integer.MAX_VALUE);
    }

    /** For each period of the years and each of (at most {@code units}) units with one template: a blank workbook. */
    static List<Base> bases(Tertial app, int fromYear, int toYear, int units) {
        List<Unit> some = app.catalog().organisation().units().stream()
                .filter(u -> u.templates().size() == 1).limit(units).toList();
        List<Base> bases = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            for (int t = 1; t <= 3; t++) {
                PeriodCode period = new PeriodCode(year, t);
                for (Unit u : some) {
                    byte[] blank = app.templates().template(u, period, Optional.empty(), WorkbookFormat.XLSX).bytes();
                    bases.add(new Base(u.code() + "_" + period, blank, entries(t == 3)));
                }
            }
        }
        return bases;
    }

    /**
     * Writes {@code files} distinct tertial-made workbooks into {@code target}, made from {@code filled} (one filled
     * workbook per base, in the same order) by changing one amount: about {@code files / bases} versions of each.
     */
    static void writeVariants(List<Base> bases, List<byte[]> filled, int files, Path target) throws IOException {
        for (int i = 0; i < files; i++) {
            int b = i % bases.size();
            String value = BigDecimal.valueOf(-(1000L + i), 3).toPlainString();
            Files.write(target.resolve(bases.get(b).name() + "_v" + (i / bases.size()) + ".xlsx"),
                    variant(filled.get(b), value));
        }
    }

    /** Writes {@code files} distinct workbooks of one kind; returns their directory. */
    private Path write(List<Base> bases, String kind, boolean openpyxl) throws Exception {
        long t0 = System.nanoTime();
        Path target = Files.createDirectories(dir.resolve(kind));
        List<byte[]> filled = new ArrayList<>();
        if (openpyxl) {
            Path in = Files.createDirectories(dir.resolve(kind + "-blank"));
            Path made = dir.resolve(kind + "-filled");
            StringBuilder json = new StringBuilder("{");
            for (Base b : bases) {
                Files.write(in.resolve(b.name() + ".xlsx"), b.blank());
                json.append(json.length() > 1 ? "," : "").append('"').append(b.name()).append(".xlsx\": [");
                json.append(String.join(",", b.entries().stream().map(e -> "[\"" + e.sheet() + "\",\"" + e.line()
                        + "\",\"" + e.column() + "\",\"" + ((BigDecimal) e.value()).toPlainString() + "\"]").toList()));
                json.append(']');
            }
            Path entries = Files.writeString(dir.resolve(kind + ".json"), json.append('}'));
            run(List.of("/usr/bin/python3", OPENPYXL_FILL.toString(),
                    entries.toString(), in.toString(), made.toString()), dir.resolve(kind + "-openpyxl.log"));
            for (Base b : bases) {
                filled.add(Files.readAllBytes(made.resolve(b.name() + ".xlsx")));
            }
        } else {
            for (Base b : bases) {
                filled.add(TemplateFiller.fill(b.blank(), b.entries()));
            }
        }
        writeVariants(bases, filled, files, target);
        // History has long been on disk: the files just written are flushed before the load is timed, or the
        // load's first sync to disk (its store, synchronous=FULL) waits for the file system to write them all.
        boolean synced = sync(target);
        out.printf("bulk: %s: wrote %,d workbooks in %.1f s%s%n", kind, files, (System.nanoTime() - t0) / 1e9,
                synced ? " (flushed to disk)" : " (not flushed: no sync command)");
        out.flush();
        return target;
    }

    /** Loads the workbooks by the command a user runs; returns its seconds from start to exit. */
    private double measure(String kind, Path workbooks, java.util.Optional<se.tertial.store.DatabaseUrl> pg)
            throws Exception {
        String suffix = pg.isPresent() ? "-pg" : "";
        Path data = Files.createDirectories(workbooks.resolveSibling(workbooks.getFileName() + suffix + "-data"));
        Path report = workbooks.resolveSibling(workbooks.getFileName() + suffix + "-report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options of scripts/bulk-load.sh, the command a user runs.
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions(files));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), commandLine.getName(),
                "bulk-load", workbooks.toString(), "--data", data.toString(), "--templates",
                templates.toString(), "--jobs", Integer.toString(jobs), "--report", report.toString()));
        pg.ifPresent(u -> command.addAll(List.of("--database", u.jdbcUrl())));
        pg.map(se.tertial.store.DatabaseUrl::user).ifPresent(u -> command.addAll(List.of("--database-user", u)));
        long t0 = System.nanoTime();
        long peakRss = run(command, workbooks.resolveSibling(workbooks.getFileName() + suffix + "-load.log"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        long facts = 0;
        for (String line : Files.readAllLines(report.resolveSibling(report.getFileName() + ".csv"))
                .subList(1, files + 1)) {
            String[] cols = line.replace("\"", "").split(";", -1); // the bench's own file names hold no ; or "
            outcomes.merge(cols[5], 1, Integer::sum);
            facts += Long.parseLong(cols[6]);
        }
        Floor floor = floor(workbooks, facts);
        out.printf("bulk: %s: %,d files in %.1f s = %.0f files/s (the command, JVM start to exit); peak RSS %,d MB; "
                + "outcomes %s%n", kind, files, seconds, files / seconds, peakRss >> 20, outcomes);
        out.printf("bulk: %s: floor %.1f s (read + unzip %.1f s, %,d MB; store %,d originals and %,d fact rows in one "
                + "transaction %.1f s); load / floor = %.1f%n", kind, floor.total(), floor.read(), floor.unzipped() >> 20,
                files, facts, floor.store(), seconds / floor.total());
        out.flush();
        return seconds;
    }

    /**
     * The options scripts/bulk-load.sh gives the JVM for a load of {@code files} workbooks (scripts/bulk-load.jvm, and
     * scripts/bulk-load-small.jvm below {@link #SMALL_LOAD_FILES}: java @argfiles the two share; and the build's
     * class archive when there is a fresh one beside the jar: {@link ClassArchive}) with this JVM's class path.
     */
    static List<String> jvmOptions(int files) throws IOException {
        return jvmOptions(files, System.getProperty("java.class.path"));
    }

    static List<String> jvmOptions(int files, String classPath) throws IOException {
        List<String> options = new ArrayList<>(options(JVM_OPTIONS));
        if (files < SMALL_LOAD_FILES) {
            options.addAll(options(SMALL_LOAD_OPTIONS));
        }
        ClassArchive.beside(classPath).ifPresent(a -> options.addAll(ClassArchive.options(a)));
        return options;
    }

    private static List<String> options(Path argfile) throws IOException {
        return List.of(Files.readString(argfile).trim().split("\\s+"));
    }

    private record Floor(double read, double store, long unzipped) {
        double total() {
            return read + store;
        }
    }

    /** The unavoidable work for the same files: read and unzip each, store each original and the facts, batched. */
    private Floor floor(Path workbooks, long facts) throws Exception {
        List<Path> paths = BulkLoader.files(workbooks);
        List<byte[]> bytes = new ArrayList<>();
        long f0 = System.nanoTime();
        long unzipped = 0;
        for (Path p : paths) {
            byte[] b = Files.readAllBytes(p);
            unzipped += unzip(b);
            bytes.add(b);
        }
        double read = (System.nanoTime() - f0) / 1e9;
        double store = se.tertial.store.StorageFloor.store(Files.createTempFile(dir, "floor", ".db"), bytes, facts);
        return new Floor(read, store, unzipped);
    }

    /** Flushes the file system holding {@code dir} (coreutils' {@code sync -f}); false when there is no such command. */
    private static boolean sync(Path dir) {
        return succeeds("sync", "-f", dir.toString());
    }

    /** Whether a command runs and exits 0 (its output discarded). */
    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a process to its end (its output to a log); returns its peak resident memory, polled from /proc. */
    private static long run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (!p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not on Linux, or just exited
            }
        }
        // bulk-load exits 1 when a file was refused; the outcomes say which
        if (p.exitValue() > 1) {
            throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "; see " + log);
        }
        return peak;
    }

    private static boolean openpyxlAvailable() {
        return succeeds("/usr/bin/python3", "-c", "import openpyxl");
    }

    private static List<TemplateFiller.Entry> entries(boolean yearEnd) {
        List<TemplateFiller.Entry> e = new ArrayList<>();
        // At year end the outcome is the whole year's, and it is also the forecast.
        String[][] values = yearEnd
                ? new String[][] {{"INT_AVGIFTER", "18100", "18000", "18000"},
                        {"KOST_LON", "-120400.5", "-120000", "-120000"}, {"KOST_LAKEMEDEL", "-13400", "-13500", "-13500"}}
                : new String[][] {{"INT_AVGIFTER", "12000", "11800", "18000", "18100"},
                        {"KOST_LON", "-80000.5", "-79500", "-120000", "-120400"},
                        {"KOST_LAKEMEDEL", "-9000", "-9100", "-13500", "-13400"}};
        String[] cols = {"UTFALL", "BUDGET_PERIOD", "BUDGET_AR", "PROGNOS"};
        for (String[] v : values) {
            for (int c = 0; c < (yearEnd ? 3 : 4); c++) {
                e.add(new TemplateFiller.Entry("Resultat", v[0], cols[c], new BigDecimal(v[c + 1])));
            }
        }
        e.add(new TemplateFiller.Entry("Resultat", "AVSKR", "UTFALL", new BigDecimal(MARKER)));
        return e;
    }

    /** The same workbook with the marker amount replaced in the sheet XML: distinct bytes, still valid. */
    private static byte[] variant(byte[] xlsx, String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 64);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    data = new String(data, StandardCharsets.UTF_8).replace("<v>" + MARKER + "</v>", "<v>" + value + "</v>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static long unzip(byte[] bytes) throws IOException {
        long n = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buf = new byte[64 * 1024];
            while (in.getNextEntry() != null) {
                int r;
                while ((r = ((InputStream) in).read(buf)) > 0) {
                    n += r;
                }
            }
        }
        return n;
    }
}
