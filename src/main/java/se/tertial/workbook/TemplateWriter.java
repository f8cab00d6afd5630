package se.tertial.workbook;

import se.tertial.spec.WorkbookText;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.spec.TemplateSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Generates a unit's template workbook: {@code Instruktioner} first, one protected data sheet per template, and the
 * veryHidden {@code _tertial} metadata sheet. Formulas are evaluated before writing, so programs that do not
 * recalculate on open (LibreOffice's default for .xlsx) still show the right sums.
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
        try (Workbook wb = build(request, format)) {
            PrintLayout.everyVisibleSheet(wb, WorkbookText.instructionsTitle(request.period(), request.unit().name()));
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workbook build(TemplateRequest request, WorkbookFormat format) {
        Workbook wb = format.create();
        Styles styles = new Styles(wb);
        InstructionsSheet.write(wb, styles, request, sheetPassword);
        for (TemplateSpec spec : request.specs()) {
            new DataSheetWriter(wb, styles, request, spec).write(sheetPassword);
        }
        new Metadata(request.unit().code(), request.period(), request.generatedAt(), request.tertialVersion(),
                request.specs().stream().map(s -> new Metadata.TemplateRef(s.id(), s.version(), s.sheet(), s.sha256()))
                        .toList()).writeTo(wb, sheetPassword);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        wb.setForceFormulaRecalculation(true);
        if (wb instanceof XSSFWorkbook x) {
            x.getProperties().getCoreProperties().setCreator("tertial " + request.tertialVersion());
            x.getProperties().getCoreProperties().setTitle(
                    "Tertialrapport " + request.period() + " " + request.unit().code());
            x.lockStructure();
        } else if (wb instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h) {
            h.createInformationProperties();
            h.getSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UTF8);
            h.getDocumentSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UTF8);
            h.getSummaryInformation().setTitle("Tertialrapport " + request.period() + " " + request.unit().code());
            h.getSummaryInformation().setAuthor("tertial " + request.tertialVersion());
        }
        return wb;
    }

    /** "Tertialrapport 2022-T2 FS-MED Medicinsk vård.xlsx", without characters file systems reject. */
    public static String fileName(TemplateRequest request, WorkbookFormat format) {
        String name = "Tertialrapport " + request.period() + " " + request.unit().code() + " " + request.unit().name();
        // "Internränta, avskrivningar m.m." must not give "… m.m..xlsx"
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim().replaceAll("[.\\s]+$", "") + "."
                + format.extension();
    }
}
