package se.tertial.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.UnitCode;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** konsolidering.xlsx: a growth over other units than last year's is a blank cell with its note, on two sheets. */
class ComparisonNoteWorkbookTest {
    @Test
    void theBlankRatioAndThePriorYearColumnsSayWhichUnitsAreMissing() throws Exception {
        Map<UnitCode, UnitFacts> current = Map.of(UnitCode.of("FS-MED"), ConsolidationTest.unit("FS-MED",
                "resultat/KOST_LON/UTFALL=-410"), UnitCode.of("FS-KIR"), ConsolidationTest.unit("FS-KIR",
                "resultat/KOST_LON/UTFALL=-2000"));
        Map<UnitCode, UnitFacts> lastYear = Map.of(UnitCode.of("FS-MED"), ConsolidationTest.unit("FS-MED",
                "resultat/KOST_LON/UTFALL=-400"));
        Figures f = Consolidation.compute(new ConsolidationInput(TestSpecs.catalog(), PeriodCode.parse("2022-T2"),
                current, lastYear, Map.of(), Set.of()));
        String note = "Jämförelsen med 2021 avser inte samma enheter och lämnas tom: FS-KIR saknas 2021.";
        try (Workbook wb = Sheets.open(ReportWorkbook.write(TestSpecs.catalog(), f, current))) {
            Sheet n = wb.getSheet(ReportWorkbook.NYCKELTAL);
            Row growth = null;
            for (Row r : n) {
                if (r.getCell(0) != null && r.getCell(0).toString().startsWith("Nettokostnadsökning")) {
                    growth = r;
                }
            }
            assertTrue(growth != null, "the growth row");
            assertNull(growth.getCell(1) == null || growth.getCell(1).getCellType()
                    == org.apache.poi.ss.usermodel.CellType.BLANK ? null : growth.getCell(1).toString(),
                    "blank, not 382 %");
            assertEquals(note, growth.getCell(2).getStringCellValue());
            boolean rrNote = false;
            for (Row r : wb.getSheet(ReportWorkbook.RESULTATRAKNING)) {
                rrNote |= r.getCell(0) != null && note.equals(r.getCell(0).toString());
            }
            assertTrue(rrNote, "the resultaträkning says it under its prior-year columns");
            boolean unit = false;
            for (Row r : n) {
                unit |= r.getCell(0) != null && r.getCell(0).toString().equals("Rörelsekapital (mnkr)");
            }
            assertTrue(unit, "an amount says its unit");
            boolean bareSumma = false;
            boolean total = false;
            for (Row r : wb.getSheet("RF")) {
                for (var c : r) {
                    bareSumma |= c.toString().equals("Summa");
                    total |= c.toString().equals("Totalt RF");
                }
            }
            assertTrue(total && !bareSumma, "RF, one unnamed group: its total, no 'Summa' row repeating it");
        }
    }
}
