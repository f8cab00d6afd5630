package se.tertial.bench;

import se.tertial.app.Tertial;
import se.tertial.spec.Unit;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.zip.ZipOutputStream;

/**
 * Templates beside their floor, back to back: each .xlsx and the zip of every unit's template against the same cells
 * written by fastexcel ({@link FastexcelFloor}), zipped the same way. Ours and the floor alternate within each
 * measured round (which goes first alternates too), after both have run for at least two seconds, so drift in a
 * shared machine's load falls on both. The target is at most twice the floor.
 */
record TemplateBench(Tertial app, PrintWriter out, int rounds) {
    private static final String PERIOD = "2022-T2";

    void run() {
        out.printf("templates: ours and the floor alternating, %d rounds after 4 s of warm-up each; floor: the same"
                + " cells written by fastexcel%n", rounds);
        for (String unit : List.of("FS-MED", "RSO-FINANS")) {
            FastexcelFloor floor = new FastexcelFloor(xlsx(unit));
            pair("template " + unit + " " + PERIOD + " .xlsx", 20, () -> xlsx(unit).length,
                    () -> floor.bytes().length);
        }
        List<Unit> units = app.catalog().organisation().units();
        List<FastexcelFloor> floors = units.stream().map(u -> new FastexcelFloor(xlsx(u.code().value()))).toList();
        pair("zip of all " + units.size() + " units " + PERIOD, 1, this::zip, () -> floorZip(units, floors));
        long t0 = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < 200; i++) {
            bytes = app.templates().template("FS-MED", PERIOD, WorkbookFormat.XLS).bytes().length;
        }
        out.printf("  %-40s %7.2f ms each over 200   (%,d bytes; HSSF, no target)%n",
                "template FS-MED " + PERIOD + " .xls", (System.nanoTime() - t0) / 1e6 / 200, bytes);
        out.flush();
    }

    /**
     * What writing a period's zip keeps alive, for the example region and a synthetic one 25 times as large: the
     * live heap (after a full collection) is sampled every 64 kB the zip writes, against the same measure just
     * before. The zip is streamed, one template in memory at a time, so the growth should not follow the number of
     * units (a zip built in memory first would grow by its own size, 5 MB at 500 units).
     */
    static void zipHeap(PrintWriter out, Tertial small, Tertial large) {
        for (Tertial app : List.of(small, large)) {
            int units = app.catalog().organisation().units().size();
            LiveHeapSampler sampler = new LiveHeapSampler();
            try {
                app.templates().zip(PERIOD).body().writeTo(sampler);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.printf("  zip of %3d units streamed: %,d bytes; live heap grew by at most %,d kB (%d samples)%n",
                    units, sampler.bytes, Math.max(0, sampler.peak - sampler.before) >> 10, sampler.samples);
        }
        out.flush();
    }

    /** Discards what is written; every 64 kB, collects and notes the live heap. */
    private static final class LiveHeapSampler extends java.io.OutputStream {
        private static final int EVERY = 64 * 1024;
        final long before = live();
        long peak = before;
        long bytes;
        int samples;
        private long next = EVERY;

        private static long live() {
            System.gc();
            return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            if (bytes >= next) {
                next = bytes + EVERY;
                peak = Math.max(peak, live());
                samples++;
            }
        }
    }

    private byte[] xlsx(String unit) {
        return app.templates().template(unit, PERIOD, WorkbookFormat.XLSX).bytes();
    }

    private int zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try {
            app.templates().zip(PERIOD).body().writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    /** The floors' workbooks zipped as tertial zips its own: stored, since an .xlsx is compressed already. */
    private static int floorZip(List<Unit> units, List<FastexcelFloor> floors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < floors.size(); i++) {
                se.tertial.app.ZipArchive.putStored(zip, units.get(i).code().value() + ".xlsx",
                        floors.get(i).bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    /** Ours and the floor, each timed over {@code batch} calls per round; medians and p90 of a call. */
    private void pair(String name, int batch, IntSupplier ours, IntSupplier floor) {
        long warmUntil = System.nanoTime() + 4_000_000_000L;
        for (int i = 0; i < 10 || System.nanoTime() < warmUntil; i++) {
            ours.getAsInt();
            floor.getAsInt();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int[] bytes = new int[2];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a.add(time(ours, batch, bytes, 0));
                b.add(time(floor, batch, bytes, 1));
            } else {
                b.add(time(floor, batch, bytes, 1));
                a.add(time(ours, batch, bytes, 0));
            }
        }
        Collections.sort(a);
        Collections.sort(b);
        double ratio = a.get(a.size() / 2) / b.get(b.size() / 2);
        out.printf("  %-40s median %7.2f ms   p90 %7.2f ms   (%,d bytes)%n", name, a.get(a.size() / 2),
                a.get((int) Math.ceil(a.size() * 0.9) - 1), bytes[0]);
        out.printf("  %-40s median %7.2f ms   p90 %7.2f ms   (%,d bytes)%n", "  floor: fastexcel, same cells",
                b.get(b.size() / 2), b.get((int) Math.ceil(b.size() * 0.9) - 1), bytes[1]);
        out.printf("  %-40s ratio %.2f×   target ≤ 2×: %s%n", "", ratio, ratio <= 2 ? "met" : "NOT met");
        out.flush();
    }

    private static double time(IntSupplier work, int batch, int[] bytes, int slot) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            bytes[slot] = work.getAsInt();
        }
        return (System.nanoTime() - t0) / 1e6 / batch;
    }
}
