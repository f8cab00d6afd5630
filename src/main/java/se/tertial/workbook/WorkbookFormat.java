package se.tertial.workbook;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.Locale;
import java.util.Optional;

/** The two file formats tertial writes: Office Open XML and, for old Excel versions, BIFF8. */
public enum WorkbookFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS("xls", "application/vnd.ms-excel");

    private final String extension;
    private final String contentType;

    WorkbookFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    Workbook create() {
        return this == XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
    }

    public static Optional<WorkbookFormat> fromExtension(String ext) {
        String e = ext.toLowerCase(Locale.ROOT);
        for (WorkbookFormat f : values()) {
            if (f.extension.equals(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
