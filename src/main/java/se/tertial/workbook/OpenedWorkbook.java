package se.tertial.workbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workbook opened for reading under {@link ReadLimits}: its format, metadata and the sheets asked for, each read
 * only within a {@link ReadArea}. An .xlsx is streamed (SAX over the parts that are needed, nothing else is parsed);
 * an .xls is read with POI's HSSF usermodel. No formula is ever evaluated. Every failure while reading, wherever
 * the parser throws it, is an {@link UnreadableWorkbookException}.
 */
public abstract sealed class OpenedWorkbook implements AutoCloseable permits XlsxStream, XlsUsermodel {
    /** Where tertial's metadata sheet is read: key/value pairs in columns A and B. */
    static final ReadArea METADATA_AREA = new ReadArea(500, 2);

    private final WorkbookFormat format;
    protected final ReadLimits limits;
    protected final Deadline deadline;

    OpenedWorkbook(WorkbookFormat format, ReadLimits limits, Deadline deadline) {
        this.format = format;
        this.limits = limits;
        this.deadline = deadline;
    }

    public WorkbookFormat format() {
        return format;
    }

    public Deadline deadline() {
        return deadline;
    }

    public ReadLimits limits() {
        return limits;
    }

    /** The key/value pairs of the {@code _tertial} sheet; empty if there is none. */
    /**
     * Checks what reading the workbook did not touch: for an .xlsx every part's CRC and size and that every XML part
     * parses; {@link UnreadableWorkbookException} naming the first part that does not. Nothing for an .xls (its
     * reader read every record when it opened the file).
     */
    public abstract void verifyWhole() throws UnreadableWorkbookException;

    public Optional<Map<String, String>> metadata() throws UnreadableWorkbookException {
        if (!sheetNames().contains(Metadata.SHEET)) {
            return Optional.empty();
        }
        return sheet(Metadata.SHEET, METADATA_AREA).map(Metadata::fromGrid);
    }

    /** The checked structure, to read the same bytes again cheaply; empty for .xls (read whole each time). */
    public Optional<WorkbookOutline> outline(String sha256) {
        return Optional.empty();
    }

    /** When the workbook was last saved (else created), per its own document properties. */
    public abstract Optional<Instant> savedAt();

    public abstract List<String> sheetNames();

    /** Reads a sheet by exact name within the area; empty if there is no such sheet. */
    public abstract Optional<SheetGrid> sheet(String name, ReadArea area) throws UnreadableWorkbookException;

    @Override
    public abstract void close();
}
