package se.tertial.bench;

import se.tertial.money.Amount;
import se.tertial.report.Consolidation;
import se.tertial.report.ConsolidationInput;
import se.tertial.report.Figures;
import se.tertial.report.ReportWorkbook;
import se.tertial.report.UnitFacts;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Consolidation speed: the shipped 20-unit region and a synthetic region of 500 units, every unit with a full set
 * of facts; the time to compute the figures and to write the workbook (median, warm).
 */
record ReportBench(Path templates, PrintWriter out, int warmup, int runs) {

    void run() throws IOException {
        measure("20 units (example region)", SpecLoader.load(templates));
        try (SyntheticRegion big = SyntheticRegion.of(templates, 500)) {
            measure("500 units (synthetic)", SpecLoader.load(big.dir()));
        }
    }

    /**
     * The 500-unit report read from a store: every unit's version for the period, the same period a year earlier
     * and last year's bokslut stored (batched, as a bulk load stores). Then, after each change (finance approves a
     * unit), the request finance makes: the report read and consolidated anew, "Bokslut och prognos" and the
     * workbook written, against its target of 0.8 s; the workbook alone beside its floor, the same cells written by
     * fastexcel, alternating; and the heap at its peak during the request.
     */
    void stored(String store, java.util.function.Function<Path, se.tertial.app.Tertial> open) throws IOException {
        try (SyntheticRegion big = SyntheticRegion.of(templates, 500);
             se.tertial.app.Tertial app = open.apply(big.dir())) {
            SpecCatalog catalog = app.catalog();
            PeriodCode period = PeriodCode.parse("2022-T2");
            long t0 = System.nanoTime();
            long facts = storeVersions(app, List.of(period.lastYearBokslut(), period.samePeriodLastYear(), period));
            double load = (System.nanoTime() - t0) / 1e9;
            List<Double> read = new ArrayList<>();
            List<Double> request = new ArrayList<>();
            List<Double> kept = new ArrayList<>();
            List<se.tertial.spec.Unit> units = catalog.organisation().units();
            int bytes = 0;
            long peak = 0;
            for (int i = 0; i < warmup + runs; i++) {
                // finance approves a unit, then downloads the report: what it is read from has changed
                app.reviews().approve(se.tertial.app.Actor.commandLine(), period.toString(),
                        units.get(i % units.size()).code().value(), 1, null);
                HeapPeak heap = i >= warmup ? HeapPeak.start() : null;
                long a = System.nanoTime();
                bytes = app.reports().workbook(period.toString(), false).bytes().length;
                long b = System.nanoTime();
                if (heap != null) {
                    peak = Math.max(peak, heap.peak());
                }
                app.reviews().approve(se.tertial.app.Actor.commandLine(), period.toString(),
                        units.get((i + 250) % units.size()).code().value(), 1, null);
                long c = System.nanoTime();
                app.reports().report(period);
                long d = System.nanoTime();
                app.reports().report(period);
                long e = System.nanoTime();
                if (i >= warmup) {
                    request.add((b - a) / 1e6);
                    read.add((d - c) / 1e6);
                    kept.add((e - d) / 1e6);
                }
            }
            double ms = median(request);
            out.printf("report 500 units from %-10s %,7d facts stored in %.1f s; after a change (an approval):%n",
                    store, facts, load);
            out.printf("  the request finance makes (read, compute, workbook) median %7.1f ms   target ≤ 800 ms: %s"
                    + "   (%,d bytes; heap at its peak ≤ %,d MB)%n", ms, ms <= 800 ? "met" : "NOT met", bytes,
                    peak >> 20);
            out.printf("  of which read + compute median %7.1f ms (unchanged, kept: %.1f ms)%n", median(read),
                    median(kept));
            se.tertial.app.ReportService.Report r = app.reports().report(period);
            byte[] workbook = ReportWorkbook.write(catalog, r.figures(), r.current());
            FastexcelFloor floor = new FastexcelFloor(workbook);
            List<Double> ours = new ArrayList<>();
            List<Double> floors = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long a = System.nanoTime();
                ReportWorkbook.write(catalog, r.figures(), r.current());
                long b = System.nanoTime();
                int floorBytes = floor.bytes().length;
                long c = System.nanoTime();
                if (i >= warmup) {
                    ours.add((b - a) / 1e6);
                    floors.add((c - b) / 1e6);
                }
                bytes = floorBytes;
            }
            double ratio = median(ours) / median(floors);
            out.printf("  the workbook alone median %7.1f ms; floor: fastexcel, same cells %7.1f ms (%,d bytes); "
                    + "ratio %.2f×   target ≤ 1.3×: %s%n", median(ours), median(floors), bytes, ratio,
                    ratio <= 1.3 ? "met" : "NOT met");
            out.flush();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The heap's peak over a stretch of work: after a full collection, the sum of every heap pool's peak. An upper
     * bound on what the work kept alive (garbage not yet collected counts too).
     */
    record HeapPeak(List<java.lang.management.MemoryPoolMXBean> pools) {
        static HeapPeak start() {
            System.gc();
            List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory
                    .getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
            heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            return new HeapPeak(heap);
        }

        long peak() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }

    /**
     * Stores a version of every unit of the app's region for each period (creating the periods), batched as a bulk
     * load stores; returns how many facts were stored.
     */
    static long storeVersions(se.tertial.app.Tertial app, List<PeriodCode> periods) {
        SpecCatalog catalog = app.catalog();
        long facts = 0;
        for (PeriodCode p : periods) {
            if (app.periods().list().stream().noneMatch(x -> x.code().equals(p))) {
                app.periods().create(p.toString(), p.endDate().toString());
            }
            Map<UnitCode, UnitFacts> all = facts(catalog, p.hashCode());
            List<se.tertial.store.SubmissionRepository.Pending> batch = new ArrayList<>();
            for (UnitFacts u : all.values()) {
                facts += u.facts().size();
                byte[] bytes = (p + "/" + u.unit().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                se.tertial.store.NewUpload upload = new se.tertial.store.NewUpload("submission", "bench",
                        java.time.Instant.parse("2022-09-01T00:00:00Z"), "bench.xlsx", bytes,
                        se.tertial.app.ReceivedFile.sha256(bytes), u.unit().value(), p.toString(), "xlsx");
                Map<se.tertial.spec.TemplateId, String> sheets = new HashMap<>();
                u.facts().keySet().forEach(k -> sheets.put(k.template(), k.template().value()));
                batch.add(new se.tertial.store.SubmissionRepository.Pending(upload,
                        se.tertial.store.UploadOutcome.ACCEPTED, List.of(), java.util.Optional.of(
                        new se.tertial.store.AcceptedVersion(u.unit(), p, false, "bench", sheets, u.facts(),
                                Map.of(), java.time.Instant.parse("2022-09-01T00:00:00Z"))),
                        java.util.Optional.empty(), null, false));
                if (batch.size() == 64) {
                    app.submissions().storeAll(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                app.submissions().storeAll(batch);
            }
        }
        return facts;
    }

    private void measure(String name, SpecCatalog catalog) {
        PeriodCode period = PeriodCode.parse("2022-T2");
        Map<UnitCode, UnitFacts> current = facts(catalog, 1);
        ConsolidationInput in = new ConsolidationInput(catalog, period, current, facts(catalog, 2), facts(catalog, 3),
                Set.of());
        long factCount = current.values().stream().mapToLong(u -> u.facts().size()).sum();
        List<Double> compute = new ArrayList<>();
        List<Double> write = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            Figures f = Consolidation.compute(in);
            long t1 = System.nanoTime();
            bytes = ReportWorkbook.write(catalog, f, current).length;
            long t2 = System.nanoTime();
            if (i >= warmup) {
                compute.add((t1 - t0) / 1e6);
                write.add((t2 - t1) / 1e6);
            }
        }
        Collections.sort(compute);
        Collections.sort(write);
        out.printf("report %-26s %,7d facts: compute median %7.1f ms, workbook median %7.1f ms (%,d bytes)%n", name,
                factCount, compute.get(compute.size() / 2), write.get(write.size() / 2), bytes);
        out.flush();
    }

    /** Every unit with every numeric cell of its templates filled, deterministic per seed. */
    private static Map<UnitCode, UnitFacts> facts(SpecCatalog catalog, long seed) {
        Random random = new Random(seed);
        Map<UnitCode, UnitFacts> result = new HashMap<>();
        for (Unit u : catalog.organisation().units()) {
            Map<FactKey, Amount> facts = new HashMap<>();
            for (TemplateSpec spec : catalog.currentFor(u)) {
                for (LineSpec line : spec.lines()) {
                    for (ColumnSpec col : spec.columns()) {
                        if (col.kind().isNumeric()) {
                            facts.put(new FactKey(spec.id(), line.code(), col.code()),
                                    Amount.ofKronor(random.nextInt(2_000_000_000) - 1_000_000_000L));
                        }
                    }
                }
            }
            result.put(u.code(), new UnitFacts(u.code(), seed, 1, java.time.Instant.EPOCH, facts, Map.of()));
        }
        return result;
    }
}
