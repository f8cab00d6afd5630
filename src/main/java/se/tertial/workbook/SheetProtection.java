package se.tertial.workbook;

import org.apache.poi.hssf.model.InternalSheet;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FeatHdrRecord;
import org.apache.poi.hssf.record.RecordBase;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * How a template sheet is protected, the same in .xlsx and .xls: only the yellow cells can be edited, every cell can
 * be selected, and controllers may widen columns and make rows taller (a long comment, a large font).
 *
 * <p>.xlsx states the allowed actions in {@code <sheetProtection>}. BIFF8 has no such flags in its PROTECT records;
 * Excel 2002 and later (and LibreOffice) read them from a shared-feature header, FEATHEADR (MS-XLS 2.4.112) with
 * {@code isf = ISFPROTECTION} and an EnhancedProtection bit field (2.5.104). POI writes no such record, so we add
 * it. Without it, Excel applies its defaults and a protected .xls sheet cannot have a column widened.
 */
public final class SheetProtection {
    /** EnhancedProtection bits: 1 = the action is allowed on the protected sheet. */
    static final int FORMAT_COLUMNS = 1 << 3;
    static final int FORMAT_ROWS = 1 << 4;
    static final int SELECT_LOCKED = 1 << 10;
    static final int SELECT_UNLOCKED = 1 << 14;
    /** What every protected template sheet allows. */
    static final int TEMPLATE_ALLOWS = FORMAT_COLUMNS | FORMAT_ROWS | SELECT_LOCKED | SELECT_UNLOCKED;

    private SheetProtection() {}

    /** Protects a template sheet with the password, allowing selecting and resizing columns and rows. */
    static void protect(Sheet sheet, String password) {
        sheet.protectSheet(password);
        if (sheet instanceof XSSFSheet x) {
            x.lockFormatColumns(false);
            x.lockFormatRows(false);
            x.lockSelectLockedCells(false);
            x.lockSelectUnlockedCells(false);
        } else if (sheet instanceof HSSFSheet h) {
            allow(h, TEMPLATE_ALLOWS);
        }
    }

    /** Writes (or replaces) the sheet's FEATHEADR with the given EnhancedProtection bits, just before its EOF. */
    static void allow(HSSFSheet sheet, int allowed) {
        InternalSheet internal = sheet.getSheet();
        List<RecordBase> records = internal.getRecords();
        records.removeIf(r -> r instanceof FeatHdrRecord);
        int eof = -1;
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i) instanceof EOFRecord) {
                eof = i;
                break;
            }
        }
        if (eof < 0) {
            throw new IllegalStateException("sheet without EOF record");
        }
        records.add(eof, record(allowed));
    }

    /** The allowed-action bits of a .xls sheet's FEATHEADR, or -1 when it has none. */
    public static int allowed(HSSFSheet sheet) {
        for (RecordBase r : sheet.getSheet().getRecords()) {
            if (r instanceof FeatHdrRecord f) {
                byte[] data = f.serialize();
                // header (4) + FrtHeader (12) + isf (2) + reserved (1) + cbHdrData (4), then the bits
                if (LittleEndian.getUShort(data, 16) == FeatHdrRecord.SHAREDFEATURES_ISFPROTECTION
                        && data.length >= 27) {
                    return LittleEndian.getInt(data, 23);
                }
            }
        }
        return -1;
    }

    private static FeatHdrRecord record(int allowed) {
        byte[] data = new byte[4 + 23];
        LittleEndian.putUShort(data, 0, FeatHdrRecord.sid);
        LittleEndian.putUShort(data, 2, 23);
        // FrtHeader: rt (repeats the record type), grbitFrt = 0, 8 reserved bytes
        LittleEndian.putUShort(data, 4, FeatHdrRecord.sid);
        LittleEndian.putUShort(data, 16, FeatHdrRecord.SHAREDFEATURES_ISFPROTECTION);
        data[18] = 1;                                  // reserved, must be 1
        LittleEndian.putInt(data, 19, 0xFFFFFFFF);     // cbHdrData: -1 for ISFPROTECTION
        LittleEndian.putInt(data, 23, allowed);        // EnhancedProtection
        RecordInputStream in = new RecordInputStream(new ByteArrayInputStream(data));
        in.nextRecord();
        return new FeatHdrRecord(in);
    }
}
