package se.tertial.workbook;

import se.tertial.spec.CommonText;
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

    static void write(SheetOut.Book book, TemplateRequest req, String password) {
        SheetOut sheet = book.sheet(WorkbookText.INSTRUCTIONS_SHEET, false);
        String title = WorkbookText.instructionsTitle(req.period(), req.unit().name());
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

        // Column A as wide as its longest label (e.g. "Analys / kommentar (Finansiering)"), so none is cut off.
        // The keys are bold: sized like a heading word (HeadingFit), generously for wider fallback fonts.
        int longest = rows.stream().mapToInt(kv -> kv[0].length()).max().orElse(0);
        sheet.columnWidth(0, Math.min(60, Math.max(30, (int) Math.ceil(longest * HeadingFit.BOLD_CHAR)
                + HeadingFit.PADDING)));
        sheet.columnWidth(1, 100);
        sheet.row(0, 24, false);
        sheet.text(0, title, TemplateStyle.TITLE);
        int r = 2;
        for (String[] kv : rows) {
            // POI does not measure wrapped text; give long texts room so they print and show in full.
            sheet.row(r++, 15f * Math.max(1, (int) Math.ceil(kv[1].length() / 95.0)), false);
            sheet.text(0, kv[0], TemplateStyle.KEY);
            sheet.text(1, kv[1], TemplateStyle.TEXT);
        }
        sheet.printA4Landscape(1);
        sheet.headerFooter("", DataSheetWriter.headerText(title + " – " + WorkbookText.INSTRUCTIONS_SHEET), "",
                "", CommonText.pageFooter("&P", "&N"), "");
        sheet.protect(password, SheetOut.Protection.TEMPLATE);
    }
}
