package se.tertial.cli;

import se.tertial.app.BulkLoader;
import se.tertial.app.BulkReport;
import se.tertial.app.Tertial;
import se.tertial.app.UploadService;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Unit;
import se.tertial.store.User;
import se.tertial.store.UserRole;
import se.tertial.workbook.TemplateFiller;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Bulk-load throughput: generates {@code files} distinct filled workbooks (mixed units and periods, several versions
 * each), then loads them in this JVM with {@link BulkLoader} as {@code bulk-load} does. Reports files per second,
 * peak heap, and the ratio to the floor: just reading the same files' bytes and unzipping them.
 */
final class BulkBench {
    private static final String MARKER = "-1.234";
    private final Tertial app;
    private final PrintWriter out;
    private final int files;
    private final int jobs;
    private final Path dir;

    BulkBench(Tertial app, PrintWriter out, int files, int jobs, Path dir) {
        this.app = app;
        this.out = out;
        this.files = files;
        this.jobs = jobs;
        this.dir = dir;
    }

    void run() throws IOException {
        long t0 = System.nanoTime();
        generate();
        out.printf("bulk: generated %,d workbooks in %.1f s%n", files, (System.nanoTime() - t0) / 1e9);
        out.flush();
        List<Path> paths = BulkLoader.files(dir);
        long f0 = System.nanoTime();
        long unzipped = 0;
        for (Path p : paths) {
            unzipped += unzip(Files.readAllBytes(p));
        }
        double floor = (System.nanoTime() - f0) / 1e9;
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        User loader = new User(0, "bulk-load", UserRole.ADMIN, Set.of(), Instant.now());
        long l0 = System.nanoTime();
        List<BulkLoader.FileResult> results = new BulkLoader(app.catalog(), jobs).run(dir, paths,
                BulkLoader.direct(app.uploads(), loader, new UploadService.Options(true, false, false)), r -> { });
        double seconds = (System.nanoTime() - l0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf("bulk: loaded %,d files in %.1f s = %.0f files/s with --jobs %d; outcomes %s%n", results.size(),
                seconds, results.size() / seconds, jobs, BulkReport.counts(results));
        out.printf("bulk: peak heap %,d MB (sum of heap pools' peaks); floor (read + unzip %,d MB): %.1f s; "
                + "load / floor = %.1f%n", peak >> 20, unzipped >> 20, floor, seconds / floor);
        out.flush();
    }

    private void generate() throws IOException {
        List<Unit> units = app.catalog().organisation().units().stream()
                .filter(u -> u.templates().size() == 1).toList();
        List<byte[]> bases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int year = 2016; year <= 2022; year++) {
            for (int t = 1; t <= 3; t++) {
                PeriodCode period = new PeriodCode(year, t);
                for (Unit u : units) {
                    byte[] blank = app.templates().template(u, period, Optional.empty(), WorkbookFormat.XLSX).bytes();
                    bases.add(TemplateFiller.fill(blank, entries(t == 3)));
                    names.add(u.code() + "_" + period);
                }
            }
        }
        Files.createDirectories(dir);
        for (int i = 0; i < files; i++) {
            int b = i % bases.size();
            String value = BigDecimal.valueOf(-(1000L + i), 3).toPlainString();
            Files.write(dir.resolve(names.get(b) + "_v" + (i / bases.size()) + ".xlsx"), variant(bases.get(b), value));
        }
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
