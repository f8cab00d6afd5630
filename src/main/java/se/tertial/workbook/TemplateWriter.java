package se.tertial.workbook;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.spec.TemplateSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Generates a unit's template workbook: {@code Instruktioner} first, one protected data sheet per template, and the
 * veryHidden {@code _tertial} metadata sheet. The sheets are described once ({@link InstructionsSheet},
 * {@link DataSheetWriter}, {@link Metadata}) and written through a {@link SheetOut}: an .xlsx is streamed as XML
 * ({@link XlsxTemplatePackage}), an .xls is built with POI's HSSF. Formula values are written with the formulas, so
 * programs that do not recalculate on open (LibreOffice's default for .xlsx) still show the right sums.
 */
public final class TemplateWriter {
    private final String sheetPassword;

    /** @param sheetPassword protects the sheets against accidental edits (not a secret: finance may unprotect) */
    public TemplateWriter(String sheetPassword) {
        this.sheetPassword = Objects.requireNonNull(sheetPassword, "sheetPassword");
    }

    public byte[] write(TemplateRequest request, WorkbookFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        write(request, format, out);
        return out.toByteArray();
    }

    public void write(TemplateRequest request, WorkbookFormat format, OutputStream out) {
        try {
            if (format == WorkbookFormat.XLSX) {
                XlsxTemplatePackage xlsx = new XlsxTemplatePackage();
                writeSheets(xlsx, request);
                xlsx.write(out, title(request), creator(request), request.generatedAt());
            } else {
                try (Workbook wb = buildWithPoi(request, format)) {
                    wb.write(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSheets(SheetOut.Book book, TemplateRequest request) {
        InstructionsSheet.write(book, request, sheetPassword);
        for (TemplateSpec spec : request.specs()) {
            new DataSheetWriter(request, spec).write(book, sheetPassword);
        }
        new Metadata(request.unit().code(), request.period(), request.generatedAt(), request.tertialVersion(),
                request.specs().stream().map(s -> new Metadata.TemplateRef(s.id(), s.version(), s.sheet(), s.sha256()))
                        .toList()).writeTo(book, sheetPassword);
    }

    /**
     * The template built with POI's usermodel: how the .xls is made, and for .xlsx the reference the streamed
     * workbook is compared with ({@code TemplateXlsxParityTest}). Formulas are evaluated by POI.
     */
    Workbook buildWithPoi(TemplateRequest request, WorkbookFormat format) {
        Workbook wb = format.create();
        writeSheets(PoiSheetOut.book(wb, new Styles(wb)), request);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        wb.setForceFormulaRecalculation(true);
        if (wb instanceof XSSFWorkbook x) {
            x.getProperties().getCoreProperties().setCreator(creator(request));
            x.getProperties().getCoreProperties().setTitle(title(request));
            x.lockStructure();
        } else if (wb instanceof HSSFWorkbook h) {
            h.createInformationProperties();
            h.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
            h.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
            h.getSummaryInformation().setTitle(title(request));
            h.getSummaryInformation().setAuthor(creator(request));
        }
        return wb;
    }

    private static String title(TemplateRequest request) {
        return "Tertialrapport " + request.period() + " " + request.unit().code();
    }

    private static String creator(TemplateRequest request) {
        return "tertial " + request.tertialVersion();
    }

    /** "Tertialrapport 2022-T2 FS-MED Medicinsk vård.xlsx", without characters file systems reject. */
    public static String fileName(TemplateRequest request, WorkbookFormat format) {
        String name = "Tertialrapport " + request.period() + " " + request.unit().code() + " " + request.unit().name();
        // "Internränta, avskrivningar m.m." must not give "… m.m..xlsx"
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim().replaceAll("[.\\s]+$", "") + "."
                + format.extension();
    }
}
