package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.spec.HeadingFit;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.TemplateSpec;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The first sheet of every template: whose it is, the deadline and the rules, in plain Swedish. */
final class InstructionsSheet {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    private InstructionsSheet() {}

    static void write(Workbook wb, Styles styles, TemplateRequest req, String password) {
        Sheet sheet = wb.createSheet(WorkbookText.INSTRUCTIONS_SHEET);
        if (sheet instanceof org.apache.poi.hssf.usermodel.HSSFSheet) {
            sheet.setDefaultRowHeightInPoints(15);
        }
        Row title = sheet.createRow(0);
        cell(title, 0, WorkbookText.instructionsTitle(req.period(), req.unit().name()), styles.title);
        title.setHeightInPoints(24);

        String sheets = req.specs().stream().map(TemplateSpec::sheet).collect(Collectors.joining(", "));
        String deadline = req.deadline().map(Object::toString).orElse(WorkbookText.NO_DEADLINE);
        List<String[]> rows = new ArrayList<>(WorkbookText.instructionsIntro(req.region(),
                req.unit().code() + " " + req.unit().name(),
                req.namnd().code() + " " + req.namnd().name(), req.period(), deadline, sheets));
        for (TemplateSpec spec : req.specs()) {
            spec.commentThreshold().ifPresent(t ->
                    rows.add(WorkbookText.instructionsComment(spec.sheet(), t.tkr(), t.percent())));
            spec.balance().ifPresent(b -> rows.add(WorkbookText.instructionsBalance(spec.sheet(), b.toleranceTkr())));
        }
        String templates = req.specs().stream().map(s -> s.id() + " v" + s.version())
                .collect(Collectors.joining(", "));
        rows.addAll(WorkbookText.instructionsOutro(req.uploadUrl(),
                WorkbookText.instructionsGenerated(STAMP.format(req.generatedAt()), req.tertialVersion(), templates)));

        int r = 2;
        for (String[] kv : rows) {
            Row row = sheet.createRow(r++);
            cell(row, 0, kv[0], styles.key);
            cell(row, 1, kv[1], styles.text);
            // POI does not measure wrapped text; give long texts room so they print and show in full.
            row.setHeightInPoints(15f * Math.max(1, (int) Math.ceil(kv[1].length() / 95.0)));
        }
        // Column A as wide as its longest label (e.g. "Analys / kommentar (Finansiering)"), so none is cut off.
        // The keys are bold: sized like a heading word (HeadingFit), generously for wider fallback fonts.
        int longest = rows.stream().mapToInt(kv -> kv[0].length()).max().orElse(0);
        sheet.setColumnWidth(0, Math.min(60, Math.max(30, (int) Math.ceil(longest * HeadingFit.BOLD_CHAR)
                + HeadingFit.PADDING)) * 256);
        sheet.setColumnWidth(1, 100 * 256);
        PrintLayout.a4LandscapeFitToWidth(sheet);
        SheetProtection.protect(sheet, password);
    }

    private static void cell(Row row, int col, String text, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell c = row.createCell(col, CellType.STRING);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
