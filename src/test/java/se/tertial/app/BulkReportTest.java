package se.tertial.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV report never hands a spreadsheet program a formula. */
class BulkReportTest {
    @Test
    void everyFormulaTriggerIsEscaped() {
        assertEquals("\"'=1+1\"", BulkReport.csvCell("=1+1"));
        assertEquals("\"'+46\"", BulkReport.csvCell("+46"));
        assertEquals("\"'-2\"", BulkReport.csvCell("-2"));
        assertEquals("\"'@SUM(A1)\"", BulkReport.csvCell("@SUM(A1)"));
        assertEquals("\"'\t=cmd\"", BulkReport.csvCell("\t=cmd"));
        assertEquals("\"' =cmd\"", BulkReport.csvCell("\r=cmd"));
        assertEquals("\"' x\"", BulkReport.csvCell("\0x"));
        assertEquals("\"a \"\"b\"\" c\"", BulkReport.csvCell("a \"b\"\nc"));
        assertEquals("\"FS-MED\"", BulkReport.csvCell("FS-MED"));
    }
}
