package se.tertial.workbook;

/** The upload cannot be read as a workbook; {@link #reason()} says why, the message in Swedish. */
public final class UnreadableWorkbookException extends Exception {
    /** Why a file was refused before any rule could run. */
    public enum Reason { NOT_A_WORKBOOK, MACROS, ENCRYPTED, CORRUPT, TOO_LARGE }

    private final Reason reason;

    public UnreadableWorkbookException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
