package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.BulkLoader;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.testkit.Samples;
import se.tertial.testkit.TestSpecs;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A .zip of workbooks loads like a directory (#12 item 4): the shared samples zipped give the same facts as the
 * directory, each file named by its path inside the zip; hostile entries (a name leaving the archive, a zip bomb)
 * are refused with a report row and nothing is written outside.
 */
class ZipBulkTest {
    @TempDir
    Path tmp;

    @Test
    void aZipOfTheSamplesGivesTheSameFactsAsTheDirectory() throws Exception {
        Path zip = tmp.resolve("historik.zip");
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            for (Path p : BulkLoader.files(Samples.legacy())) {
                z.putNextEntry(new ZipEntry("arkiv/" + Samples.legacy().relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("dir").toString(),
                "--report", tmp.resolve("dir-rapport").toString(), Samples.legacy().toString());
        String out = run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("zip").toString(),
                "--report", tmp.resolve("zip-rapport").toString(), zip.toString());
        assertTrue(out.contains("5 arbetsböcker"), out);
        String facts = facts(tmp.resolve("dir"));
        assertTrue(facts.lines().count() > 50, facts);
        assertEquals(facts, facts(tmp.resolve("zip")));
        List<String> csv = Files.readAllLines(tmp.resolve("zip-rapport.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"historik.zip/arkiv/FS-FTV_2021-T2.xlsx\"")
                && l.contains("mottagen")), String.join("\n", csv));
    }

    @Test
    void hostileEntriesAreRefusedAndNothingLeavesTheArchive() throws Exception {
        Path zip = tmp.resolve("elak.zip");
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            z.putNextEntry(new ZipEntry("../utanfor.xlsx"));
            z.write(Files.readAllBytes(Samples.legacy().resolve("FS-FTV_2021-T2.xlsx")));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("bomb.xlsx"));
            z.write(new byte[8 * 1024 * 1024]); // zeros: a few kB packed
            z.closeEntry();
            z.putNextEntry(new ZipEntry("FS-FTV_2021-T2.xlsx"));
            z.write(Files.readAllBytes(Samples.legacy().resolve("FS-FTV_2021-T2.xlsx")));
            z.closeEntry();
        }
        run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("data").toString(),
                "--report", tmp.resolve("r").toString(), zip.toString());
        List<String> csv = Files.readAllLines(tmp.resolve("r.csv"), StandardCharsets.UTF_8);
        String all = String.join("\n", csv);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"elak.zip/../utanfor.xlsx\"") && l.contains("pekar utanför")),
                all);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"elak.zip/bomb.xlsx\"") && l.contains("zip-bomb")), all);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"elak.zip/FS-FTV_2021-T2.xlsx\"") && l.contains("mottagen")),
                all);
        assertFalse(Files.exists(tmp.resolve("utanfor.xlsx")));
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("utanfor.xlsx")));
    }

    private static String facts(Path data) {
        try (Tertial app = Tertial.open(new Config(TestSpecs.DIR, data, "127.0.0.1", 0, null, "tertial"))) {
            return app.database().read(c -> {
                StringBuilder s = new StringBuilder();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT s.unit, s.period, f.template, "
                        + "f.line, f.col, f.amount_kr FROM fact f JOIN submission s ON s.id = f.submission_id "
                        + "WHERE s.is_current = 1 ORDER BY 1, 2, 3, 4, 5")) {
                    while (rs.next()) {
                        s.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                                .append(' ').append(rs.getString(4)).append(' ').append(rs.getString(5)).append('=')
                                .append(rs.getLong(6)).append('\n');
                    }
                }
                return s.toString();
            });
        }
    }

    private static String run(String... args) {
        return CliOutput.run(args);
    }
}
