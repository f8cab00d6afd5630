package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.HostileCorpus;
import se.tertial.testkit.TestSpecs;
import se.tertial.testkit.Zips;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Startup failures as one Swedish line and exit code 2; key management; bulk loads that no bad file can stop. */
class CliHardeningTest {
    @TempDir
    Path tmp;

    private String[] serve(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--templates", TestSpecs.DIR.toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void brokenStartupConfigurationIsOneSwedishLineAndExitCode2() throws Exception {
        Path data = tmp.resolve("data");
        assertOneLine(run(2, serve("--data", data.toString(), "--port", "99999")), "Ogiltig port 99999");
        assertOneLine(run(2, serve("--data", data.toString(), "--max-upload-mb", "0")), "Ogiltig gräns");
        assertOneLine(run(2, serve("--data", data.toString(), "--max-upload-mb", "-1")), "Ogiltig gräns");
        Path file = Files.writeString(tmp.resolve("en-fil"), "x");
        assertOneLine(run(2, serve("--data", file.toString(), "--port", "7071")), "är en fil, inte en mapp");
        Path dbDir = Files.createDirectories(tmp.resolve("d2/tertial.db"));
        assertOneLine(run(2, serve("--data", dbDir.getParent().toString(), "--port", "7071")), "är en mapp");
        Path garbage = Files.createDirectories(tmp.resolve("d3"));
        Files.writeString(garbage.resolve("tertial.db"), "inte sqlite");
        assertOneLine(run(2, serve("--data", garbage.toString(), "--port", "7071")), "ingen tertial-databas");
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertOneLine(run(2, serve("--data", tmp.resolve("d4").toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(busy.getLocalPort()))), "används redan");
        }
        Path specs = TestSpecs.copyTo(tmp.resolve("specs"));
        Files.writeString(specs.resolve("report.json"), "null");
        String err = run(2, "serve", "--templates", specs.toString(), "--data", tmp.resolve("d5").toString());
        assertTrue(err.contains("report.json") && err.contains("har inte den form"), err);
    }

    private static void assertOneLine(String err, String expected) {
        assertTrue(err.contains(expected), err);
        assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void keysAreAddedListedRevokedAndRotatedFromTheCommandLine() {
        String data = tmp.resolve("data").toString();
        String t = TestSpecs.DIR.toString();
        String added = run(0, "user", "add", "--templates", t, "--data", data, "--name", "ekonomi", "--role", "finance");
        String first = added.substring(added.indexOf("tt_")).strip();
        String second = run(0, "user", "key-add", "--templates", t, "--data", data, "--name", "ekonomi",
                "--key-name", "skript");
        String secondKey = second.substring(second.indexOf("tt_")).strip();
        String list = run(0, "user", "key-list", "--templates", t, "--data", data, "--name", "ekonomi");
        assertEquals(2, list.strip().lines().count(), list);
        assertTrue(list.contains("skript") && list.contains("aktiv"), list);
        long id = Long.parseLong(second.replaceAll("(?s).*\\(id (\\d+)\\).*", "$1"));
        run(0, "user", "key-revoke", "--templates", t, "--data", data, "--name", "ekonomi", "--id", "" + id);
        String rotated = run(0, "user", "rotate-key", "--templates", t, "--data", data, "--name", "ekonomi");
        String third = rotated.substring(rotated.indexOf("tt_")).strip();
        try (Tertial app = Tertial.open(new Config(TestSpecs.DIR, Path.of(data), "127.0.0.1", 0, null, "tertial"))) {
            assertTrue(app.users().authenticate(first).isEmpty(), "revoked by the rotation");
            assertTrue(app.users().authenticate(secondKey).isEmpty(), "revoked");
            assertEquals("ekonomi", app.users().authenticate(third).orElseThrow().name());
        }
        assertTrue(run(2, "user", "key-revoke", "--templates", t, "--data", data, "--name", "ekonomi", "--id",
                "" + id).contains("har ingen aktiv nyckel"));
    }

    @Test
    void noMalformedFileStopsABulkLoad() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        byte[] valid = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        Map<String, byte[]> bad = new TreeMap<>();
        bad.put("inline4tr.xlsx", Zips.replaceText(valid, HostileCorpus.RESULTAT, x -> x.replaceFirst(
                "<c r=\"C3\"[^>]*>.*?</c>", "<c r=\"C3\" t=\"inline4tr\"><v>1</v></c>")));
        bad.put("nan.xlsx", Zips.replaceText(valid, HostileCorpus.RESULTAT, x -> x.replaceFirst(
                "<c r=\"C3\"[^>]*>.*?</c>", "<c r=\"C3\"><v>NaN</v></c>")));
        bad.put("inf.xlsx", Zips.replaceText(valid, HostileCorpus.RESULTAT, x -> x.replaceFirst(
                "<c r=\"C3\"[^>]*>.*?</c>", "<c r=\"C3\"><v>INF</v></c>")));
        bad.put("generated-at.xlsx", Zips.replaceText(valid, HostileCorpus.STRINGS, x -> x.replace(
                "2022-09-01T08:00:00Z", "inte ett datum")));
        bad.put("truncated.xlsx", java.util.Arrays.copyOf(valid, valid.length / 2));
        bad.put("text.xlsx", "Enhet;Utfall".getBytes(StandardCharsets.UTF_8));
        bad.forEach((name, bytes) -> write(dir.resolve(name), bytes));
        List<String> good = List.of("FS-KIR", "FS-PRD", "FS-FTV", "ANA-UK", "RF");
        for (String unit : good) {
            FilledTemplate.of(unit, "2022-T2").valid().write(dir.resolve("ok-" + unit + ".xlsx"));
        }
        Path data = tmp.resolve("data");
        Path report = tmp.resolve("rapport");
        String out = runOut(1, "bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", data.toString(),
                "--report", report.toString(), dir.toString());
        List<String> csv = Files.readAllLines(tmp.resolve("rapport.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + bad.size() + good.size(), csv.size(), out);
        for (String name : bad.keySet()) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"" + name + "\"") && l.contains("avvisad")),
                    name + "\n" + String.join("\n", csv));
        }
        try (Tertial app = Tertial.open(new Config(TestSpecs.DIR, data, "127.0.0.1", 0, null, "tertial"))) {
            int stored = app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM submission")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(good.size(), stored);
        }
    }

    @Test
    void aBulkLoadComparesWithLastYearWhateverTheFileOrder() throws Exception {
        for (String order : List.of("a-2022.xlsx/b-2021.xlsx", "b-2022.xlsx/a-2021.xlsx")) {
            Path dir = Files.createDirectories(tmp.resolve("h-" + order.charAt(0)));
            String[] names = order.split("/");
            FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "INT_OVRIGA", "UTFALL", "50000")
                    .setText("Resultat", "INT_OVRIGA", "KOMMENTAR", "Engångsintäkt").write(dir.resolve(names[0]));
            FilledTemplate.of("FS-MED", "2021-T2").valid().set("Resultat", "INT_OVRIGA", "UTFALL", "100")
                    .write(dir.resolve(names[1]));
            Path report = tmp.resolve("rapport-" + order.charAt(0));
            runOut(0, "bulk-load", "--jobs", "2", "--templates", TestSpecs.DIR.toString(), "--data",
                    tmp.resolve("data-" + order.charAt(0)).toString(), "--report", report.toString(), dir.toString());
            List<String> csv = Files.readAllLines(tmp.resolve("rapport-" + order.charAt(0) + ".csv"));
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"" + names[0] + "\"")
                    && l.contains("mottagen med varningar")), order + "\n" + String.join("\n", csv));
        }
    }

    private static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String run(int expectedCode, String... args) {
        CliOutput.Run r = CliOutput.capture(args);
        assertEquals(expectedCode, r.exit(), () -> r.out() + "\n" + r.err());
        return expectedCode == 0 ? r.out() : r.err();
    }

    private static String runOut(int expectedCode, String... args) {
        CliOutput.Run r = CliOutput.capture(args);
        assertEquals(expectedCode, r.exit(), r::out);
        return r.out();
    }
}
