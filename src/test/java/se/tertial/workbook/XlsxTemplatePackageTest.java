package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.tertial.testkit.OoxmlSchema;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streaming .xlsx writer keeps any text as it is, and a sheet name that needs quoting works in print titles. */
class XlsxTemplatePackageTest {
    private static final List<String> TEXTS = List.of("A & B <c> \"d\" 'e'", "_x0041_ is literal, not an A",
            "control\u0001character", " space at both ends ", "line one\nline two", "emoji \uD83D\uDE00 and ö",
            "tab\there", "");

    @Test
    void textsSurviveAndTheSheetNameIsQuoted() throws Exception {
        XlsxTemplatePackage book = new XlsxTemplatePackage();
        SheetOut sheet = book.sheet("Kund's blad 1", false);
        sheet.columnWidth(0, 30);
        for (int r = 0; r < TEXTS.size(); r++) {
            sheet.row(r, 0, false);
            sheet.text(0, TEXTS.get(r), TemplateStyle.TEXT);
            sheet.number(1, new BigDecimal("-1234567.125"), TemplateStyle.INPUT);
        }
        sheet.printA4Landscape(1);
        sheet.printTitles(1, 1);
        sheet.headerFooter("Ränta & avskrivningar", "", "", "", "Sida &P av &N", "");
        sheet.protect("tertial", SheetOut.Protection.TEMPLATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out, "Titel & <mer>", "tertial test", Instant.parse("2022-09-01T08:30:00.123Z"));

        assertEquals(List.of(), OoxmlSchema.problems(out.toByteArray()));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheet("Kund's blad 1");
            for (int r = 0; r < TEXTS.size(); r++) {
                assertEquals(TEXTS.get(r), s.getRow(r).getCell(0).getStringCellValue(), "row " + (r + 1));
                assertEquals(-1234567.125, s.getRow(r).getCell(1).getNumericCellValue());
            }
            assertEquals("1:2", s.getRepeatingRows().formatAsString());
            assertEquals("A:B", s.getRepeatingColumns().formatAsString());
            assertEquals("Ränta & avskrivningar", s.getHeader().getLeft());
            assertEquals("Titel & <mer>", wb.getProperties().getCoreProperties().getTitle());
        }
    }
}
