package se.tertial.spec;

/** An error rejects an upload; a warning is reported but the upload is accepted. */
public enum Severity {
    ERROR, WARNING;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
