package se.tertial.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.BulkLoader;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.app.UploadService;
import se.tertial.store.User;
import se.tertial.store.UserRole;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;
import se.tertial.workbook.WorkbookFormat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk loading a directory of mixed history, directly and through a running server. */
class BulkLoadTest {
    static final Path SAMPLES = se.tertial.testkit.Samples.legacy();
    @TempDir
    Path tmp;

    /** The shipped specs plus resultat v2 (one more line), so that the shipped v1 is an older template version. */
    private Path specsWithV2() throws Exception {
        Path specs = TestSpecs.copyTo(tmp.resolve("specs-v2"));
        Files.createDirectories(specs.resolve("legacy"));
        try (var s = Files.list(TestSpecs.DIR.resolve("legacy"))) {
            for (Path p : s.toList()) {
                Files.copy(p, specs.resolve("legacy").resolve(p.getFileName()));
            }
        }
        Files.copy(specs.resolve("resultat.v1.json"), specs.resolve("resultat.v2.json"));
        TestSpecs.edit(specs, "resultat.v2.json", root -> {
            root.put("version", 2);
            root.withArray("lines").insertObject(0).put("code", "INT_NY").put("label", "Nya intäkter")
                    .put("kind", "input").put("sign", "+");
        });
        return specs;
    }

    /** Current templates, an older template version, .xls ones, the legacy samples, a corrupt file, a non-workbook
     *  and a duplicate. */
    private Path mixedDirectory() throws Exception {
        Path dir = tmp.resolve("historik");
        Files.createDirectories(dir.resolve("2022/kopior"));
        for (Path p : BulkLoader.files(SAMPLES)) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("2022/FS-MED.xlsx"));
        FilledTemplate.of(se.tertial.spec.SpecLoader.load(specsWithV2()), "ANA-UK", "2022-T2", WorkbookFormat.XLSX,
                se.tertial.workbook.Prefill.none()).valid().set("Resultat", "INT_NY", "UTFALL", "7")
                .write(dir.resolve("2022/ANA-UK ny mall.xlsx"));
        FilledTemplate.of("RSO-FINANS", "2022-T2", WorkbookFormat.XLS).valid().write(dir.resolve("2022/RSO.xls"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().setText("Resultat", "KOST_LON", "UTFALL", "mycket")
                .write(dir.resolve("2022/FS-KIR med fel.xlsx"));
        Files.copy(dir.resolve("2022/FS-MED.xlsx"), dir.resolve("2022/kopior/FS-MED (2).xlsx"));
        Files.writeString(dir.resolve("2022/anteckningar.xlsx"), "inte en arbetsbok");
        byte[] valid = Files.readAllBytes(dir.resolve("2022/FS-MED.xlsx"));
        Files.write(dir.resolve("2022/trasig.xls"), java.util.Arrays.copyOf(
                Files.readAllBytes(dir.resolve("2022/RSO.xls")), 3000));
        Files.writeString(dir.resolve("läsmig.txt"), "ignoreras: inte .xlsx eller .xls");
        assertTrue(valid.length > 0);
        return dir;
    }

    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("2019-T3 Budgetuppföljning Medicinsk vård.xlsx", "accepted FS-MED 2019-T3 mappning forvaltning-budgetuppfoljning"),
            Map.entry("2020-T1 Budgetuppföljning Länstrafiken.xlsx", "accepted TIM-LT 2020-T1 mappning forvaltning-budgetuppfoljning"),
            Map.entry("2020-T2 Budgetuppföljning Kirurgisk vård.xls", "accepted_with_warnings FS-KIR 2020-T2 mappning forvaltning-budgetuppfoljning"),
            Map.entry("ANA-UK_2021-T3.xls", "accepted_with_warnings ANA-UK 2021-T3 mappning vo-resultat-mnkr"),
            Map.entry("FS-FTV_2021-T2.xlsx", "accepted FS-FTV 2021-T2 mappning vo-resultat-mnkr"),
            Map.entry("2022/FS-MED.xlsx", "accepted FS-MED 2022-T2 resultat v1"),
            Map.entry("2022/ANA-UK ny mall.xlsx", "accepted ANA-UK 2022-T2 resultat v2"),
            Map.entry("2022/RSO.xls", "accepted RSO-FINANS 2022-T2 finansiering v1, balans v1"),
            Map.entry("2022/FS-KIR med fel.xlsx", "rejected FS-KIR 2022-T2 resultat v1"),
            Map.entry("2022/kopior/FS-MED (2).xlsx", "duplicate   "),
            Map.entry("2022/anteckningar.xlsx", "rejected   "),
            Map.entry("2022/trasig.xls", "rejected   ")));

    private static Map<String, String> summary(List<BulkLoader.FileResult> results) {
        Map<String, String> m = new TreeMap<>();
        results.forEach(r -> m.put(r.file(), r.outcome() + " " + r.unit() + " " + r.period() + " " + r.source()));
        return m;
    }

    @Test
    void loadsAMixedDirectoryWithAReportThatAccountsForEveryFile() throws Exception {
        Path dir = mixedDirectory();
        Path data = tmp.resolve("data");
        Path report = tmp.resolve("rapport/inläsning");
        Path specs = tmp.resolve("specs-v2/workbook-templates");
        String out = run("bulk-load", "--templates", specs.toString(), "--data", data.toString(),
                "--report", report.toString(), dir.toString());
        assertTrue(out.contains("12 arbetsböcker"), out);
        List<String> csv = Files.readAllLines(tmp.resolve("rapport/inläsning.csv"), StandardCharsets.UTF_8);
        assertEquals(13, csv.size(), "a heading and a row per workbook");
        assertTrue(csv.get(0).startsWith("\uFEFFFil;SHA-256;Enhet;Period;Mall eller mappning;Resultat"));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"2022/FS-KIR med fel.xlsx\"") && l.contains("avvisad")
                && l.contains("Blad Resultat, cell C9")), String.join("\n", csv));
        try (var wb = Sheets.open(Files.readAllBytes(tmp.resolve("rapport/inläsning.xlsx")))) {
            assertEquals(3 + 12 - 1, wb.getSheetAt(0).getLastRowNum(), "title, heading, then one row per file");
        }
        try (Tertial app = open(specs, data)) {
            assertEquals(5 + 3, count(app, "submission"), "five legacy files and three templates accepted");
            assertEquals(11, count(app, "upload"), "every attempt but the in-run duplicate is recorded");
            assertEquals(Set.of("2019-T3", "2020-T1", "2020-T2", "2021-T2", "2021-T3", "2022-T2"),
                    Set.copyOf(app.periods().list().stream().map(p -> p.code().toString()).toList()),
                    "missing periods are created");
        }
        // Running again stores nothing new: what was taken is skipped, what was refused is read again and refused
        // for the same reasons, which adds nothing.
        String again = run("bulk-load", "--templates", specs.toString(), "--data", data.toString(),
                "--report", tmp.resolve("rapport/igen").toString(), dir.toString());
        assertTrue(again.contains("{duplicate=9, rejected=3}"), again);
        assertEquals(3, Files.readAllLines(tmp.resolve("rapport/igen.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("tidigare avvisad, avvisad igen")).count());
        try (Tertial app = open(specs, data)) {
            assertEquals(11, count(app, "upload"));
        }
    }

    @Test
    void directAndUrlModeGiveTheSameResultAndADryRunStoresNothing() throws Exception {
        Path dir = mixedDirectory();
        Path specs = tmp.resolve("specs-v2/workbook-templates");
        List<BulkLoader.FileResult> direct;
        try (Tertial app = open(specs, tmp.resolve("direct"))) {
            User admin = new User(0, "bulk-load", UserRole.ADMIN, Set.of(), Instant.now());
            List<BulkLoader.FileResult> dry = new BulkLoader(app.catalog(), 2).run(dir, BulkLoader.files(dir),
                    BulkLoader.direct(app.uploads(), admin, new UploadService.Options(true, false, true)), r -> { });
            assertEquals(0, count(app, "upload"), "a dry run stores nothing");
            assertEquals(0, count(app, "period"));
            direct = new BulkLoader(app.catalog(), 2).run(dir, BulkLoader.files(dir),
                    BulkLoader.direct(app.uploads(), admin, new UploadService.Options(true, false, false)), r -> { });
            assertEquals(EXPECTED, summary(direct));
            assertEquals(summary(direct).keySet(), summary(dry).keySet());
        }
        try (TestServer server = new TestServer(specs, tmp.resolve("server"), 20L << 20,
                se.tertial.store.Checkpoint.NONE)) {
            String out = run("bulk-load", "--url", server.uri("").toString(), "--token", server.admin,
                    "--templates", specs.toString(), "--report", tmp.resolve("url").toString(), dir.toString());
            assertTrue(out.contains("Klart"), out);
            List<String> csv = Files.readAllLines(tmp.resolve("url.csv"), StandardCharsets.UTF_8);
            for (BulkLoader.FileResult r : direct) {
                String row = csv.stream().filter(l -> l.startsWith("\"" + r.file() + "\"")).findFirst().orElseThrow();
                assertTrue(row.contains("\"" + r.unit() + "\";\"" + r.period() + "\";\"" + r.source() + "\";\""
                        + se.tertial.spec.CommonText.bulkOutcome(r.outcome()) + "\";\"" + r.facts() + "\""),
                        "same as direct: " + row + " vs " + r);
            }
            assertEquals(11, server.count("upload"));
        }
    }

    @Test
    void keepsTheNewestVersionByTheWorkbooksOwnDateAndLeavesLockedPeriodsAlone() throws Exception {
        Path dir = tmp.resolve("versioner");
        Files.createDirectories(dir);
        // "a-..." is older by its own date, though it sorts first and was written last.
        writeDated(FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80200"),
                dir.resolve("b-ny.xlsx"), "2022-09-08T10:00:00Z");
        writeDated(FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80100"),
                dir.resolve("a-gammal.xlsx"), "2022-09-01T10:00:00Z");
        writeDated(FilledTemplate.of("FS-KIR", "2022-T1").valid(), dir.resolve("kir-t1.xlsx"), "2022-05-01T10:00:00Z");
        Path data = tmp.resolve("data");
        try (Tertial app = open(TestSpecs.DIR, data)) {
            app.periods().create("2022-T1", "2022-05-10");
            app.periods().setLocked("2022-T1", true);
        }
        run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(), "--report",
                tmp.resolve("r").toString(), dir.toString());
        try (Tertial app = open(TestSpecs.DIR, data)) {
            long current = app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT f.amount_kr FROM fact f JOIN "
                        + "submission s ON s.id = f.submission_id WHERE s.is_current = 1 AND s.unit = 'FS-MED' "
                        + "AND f.line = 'KOST_LON' AND f.col = 'UTFALL'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(-80_200_000L, current, "the newest by the workbook's own date is current");
            long lockedVersions = app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT COUNT(*) FROM submission WHERE period = '2022-T1'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(0L, lockedVersions, "a locked period is reported, not forced");
        }
        List<String> csv = Files.readAllLines(tmp.resolve("r.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.stream().anyMatch(l -> l.contains("kir-t1.xlsx") && l.contains("är låst")), String.join("\n", csv));
        run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(), "--allow-locked",
                "--report", tmp.resolve("r2").toString(), dir.toString());
        assertTrue(Files.readString(tmp.resolve("r2.csv")).contains("\"kir-t1.xlsx\"") && Files.readAllLines(
                tmp.resolve("r2.csv")).stream().anyMatch(l -> l.contains("kir-t1.xlsx") && l.contains("mottagen")));
    }

    /**
     * The tenfold rule compares with last year's final current version, whatever the file order: a period is checked
     * only once the same period a year earlier is stored completely (other periods may go meanwhile).
     */
    @Test
    void aPeriodIsCheckedAgainstLastYearsFinalVersion() throws Exception {
        Path dir = tmp.resolve("ar");
        Files.createDirectories(dir);
        // Sorted first, loaded last: 2022-T2's -7 000 is a tenfold drop only against 2021-T2's final -80 000.
        writeDated(FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-7000")
                .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-7000"),
                dir.resolve("a-2022-t2.xlsx"), "2022-09-05T10:00:00Z");
        writeDated(FilledTemplate.of("FS-MED", "2022-T1").valid().set("Resultat", "KOST_LON", "UTFALL", "-7000")
                .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-7000"),
                dir.resolve("b-2022-t1.xlsx"), "2022-05-05T10:00:00Z");
        writeDated(FilledTemplate.of("FS-MED", "2021-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80000")
                .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-80000"),
                dir.resolve("c-2021-t2-ny.xlsx"), "2021-09-08T10:00:00Z");
        writeDated(FilledTemplate.of("FS-MED", "2021-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-8000")
                .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-8000"),
                dir.resolve("d-2021-t2-gammal.xlsx"), "2021-09-01T10:00:00Z");
        for (String unit : new String[] {"FS-KIR", "FS-PRIV", "FS-FTV"}) { // other units keep the workers busy
            for (String period : new String[] {"2021-T1", "2021-T2", "2022-T1", "2022-T2"}) {
                FilledTemplate.of(unit, period).valid().write(dir.resolve(unit + "-" + period + ".xlsx"));
            }
        }
        Path data = tmp.resolve("data");
        run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(), "--report",
                tmp.resolve("r").toString(), dir.toString());
        try (Tertial app = open(TestSpecs.DIR, data)) {
            List<String> tenfold = app.database().read(c -> {
                List<String> rows = new java.util.ArrayList<>();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT DISTINCT u.file_name FROM finding "
                        + "f JOIN upload u ON u.id = f.upload_id WHERE f.rule = 'tenfold_change' AND f.line = "
                        + "'KOST_LON' ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return rows;
            });
            assertEquals(List.of("a-2022-t2.xlsx"), tenfold, "only 2022-T2, against 2021-T2's final version");
            assertEquals(16, count(app, "submission"), Files.readString(tmp.resolve("r.csv")));
        }
    }

    @Test
    void anOlderFileLoadedInALaterRunDoesNotReplaceTheNewerVersion() throws Exception {
        Path first = tmp.resolve("forsta");
        Path later = tmp.resolve("senare");
        Files.createDirectories(first);
        Files.createDirectories(later);
        writeDated(FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80200"),
                first.resolve("ny.xlsx"), "2022-09-08T10:00:00Z");
        writeDated(FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80100"),
                later.resolve("gammal.xlsx"), "2022-09-01T10:00:00Z");
        Path data = tmp.resolve("data");
        for (Path dir : List.of(first, later)) {
            run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(), "--report",
                    tmp.resolve("r-" + dir.getFileName()).toString(), dir.toString());
        }
        try (Tertial app = open(TestSpecs.DIR, data)) {
            assertEquals(2, count(app, "submission"), "both versions are kept");
            long current = app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT f.amount_kr FROM fact f JOIN "
                        + "submission s ON s.id = f.submission_id WHERE s.is_current = 1 AND f.line = 'KOST_LON' "
                        + "AND f.col = 'UTFALL'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(-80_200_000L, current, "the newer file stays current");
        }
    }

    /**
     * The run asks the store once which of its files were uploaded before: those are skipped as before, a copy of
     * one of them within the run is reported as a copy, and only the new file is stored.
     */
    @Test
    void filesLoadedBeforeAreSkippedAndOnlyTheNewOneIsStored() throws Exception {
        Path dir = tmp.resolve("blandat");
        Files.createDirectories(dir);
        FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("a.xlsx"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().write(dir.resolve("b.xlsx"));
        Path data = tmp.resolve("data");
        String first = run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(),
                "--report", tmp.resolve("r1").toString(), dir.toString());
        assertTrue(first.contains("{accepted=2}"), first);
        Files.copy(dir.resolve("a.xlsx"), dir.resolve("a-kopia.xlsx"));
        FilledTemplate.of("FS-MED", "2021-T2").valid().write(dir.resolve("c.xlsx"));
        String second = run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(),
                "--report", tmp.resolve("r2").toString(), dir.toString());
        assertTrue(second.contains("{accepted=1, duplicate=3}"), second);
        List<String> csv = Files.readAllLines(tmp.resolve("r2.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"c.xlsx\"") && l.contains("\"FS-MED\";\"2021-T2\"")),
                String.join("\n", csv));
        try (Tertial app = open(TestSpecs.DIR, data)) {
            assertEquals(3, count(app, "submission"));
            assertEquals(3, count(app, "upload"), "nothing recorded for the files skipped");
        }
    }

    private static void writeDated(FilledTemplate t, Path file, String modified) {
        t.with(wb -> ((XSSFWorkbook) wb).getProperties().getCoreProperties()
                .setModified(java.util.Optional.of(Date.from(Instant.parse(modified)))));
        t.write(file);
    }

    private static long count(Tertial app, String table) {
        return app.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Tertial open(Path specs, Path data) {
        return Tertial.open(se.tertial.testkit.TestStores.on(new Config(specs, data, "127.0.0.1", 0, null, "t")));
    }

    /** The command line, on this run's database: in the PostgreSQL run the data directory's database is added. */
    private static String run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        int data = all.indexOf("--data");
        if (data >= 0) {
            se.tertial.testkit.TestStores.databaseFor(Path.of(all.get(data + 1))).ifPresent(url -> all.addAll(1,
                    List.of("--database", url.jdbcUrl(), "--database-user", url.user())));
        }
        return CliOutput.run(all.toArray(new String[0]));
    }

}
