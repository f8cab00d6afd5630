package se.tertial.cli;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;
import se.tertial.workbook.Metadata;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void writesATemplateWithoutAServer() throws Exception {
        Path out = tmp.resolve("ut/fs-med.xlsx");
        int code = Main.run("template", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("data").toString(),
                "--unit", "FS-MED", "--period", "2022-T2", "--deadline", "2022-09-09", "--out", out.toString());
        assertEquals(0, code);
        try (Workbook wb = Sheets.open(Files.readAllBytes(out))) {
            Metadata m = Metadata.read(wb).orElseThrow();
            assertEquals("FS-MED", m.unit().value());
            assertEquals("2022-T2", m.period().toString());
            assertEquals("2022-09-09", wb.getSheetAt(0).getRow(6).getCell(1).getStringCellValue());
        }
    }

    @Test
    void failsWithASwedishMessageForAnUnknownUnit() {
        String err = runCapturingErr("template", "--templates", TestSpecs.DIR.toString(), "--data",
                tmp.toString(), "--unit", "FS-XYZ", "--period", "2022-T2", "--out", tmp.resolve("x.xlsx").toString());
        assertTrue(err.contains("Okänd enhet \"FS-XYZ\""), err);
        assertFalse(Files.exists(tmp.resolve("x.xlsx")));
    }

    @Test
    void failsAtStartWhenTheSpecsAreBroken() {
        Path specs = TestSpecs.copyTo(tmp);
        TestSpecs.edit(specs, "resultat.v1.json", root -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                root.withArray("lines").get(5)).putArray("sum").add("INT_SAKNAS"));
        String err = runCapturingErr("template", "--templates", specs.toString(), "--data", tmp.toString(),
                "--unit", "FS-MED", "--period", "2022-T2", "--out", tmp.resolve("x.xlsx").toString());
        assertTrue(err.contains("workbook-templates/resultat.v1.json: lines.SUM_INT.sum: hänvisar till rad \"INT_SAKNAS\""),
                err);
    }

    @Test
    void addsAUserAndPrintsATokenThatWorks() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("user", "add", "--templates", TestSpecs.DIR.toString(), "--data", tmp.toString(),
                    "--name", "kalle", "--role", "controller", "--units", "FS-MED,FS-KIR"));
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Skapade controller \"kalle\" för FS-KIR,FS-MED."), printed);
        String token = printed.substring(printed.indexOf("tt_")).strip();
        try (se.tertial.app.Tertial app = se.tertial.app.Tertial.open(new se.tertial.app.Config(TestSpecs.DIR, tmp,
                "127.0.0.1", 0, null, "tertial"))) {
            assertEquals("kalle", app.users().authenticate(token).orElseThrow().name());
        }
        String err = runCapturingErr("user", "add", "--templates", TestSpecs.DIR.toString(), "--data", tmp.toString(),
                "--name", "kalle", "--role", "finance");
        assertTrue(err.contains("Det finns redan en användare som heter \"kalle\""), err);
    }

    private static String runCapturingErr(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run(args));
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
