package se.tertial.spec;

/** The expected sign of a line's amounts: revenues positive, costs negative. */
public enum Sign {
    PLUS("+"), MINUS("-"), EITHER("±"), NONE("");

    private final String symbol;

    Sign(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    static Sign fromSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return NONE;
        }
        for (Sign s : values()) {
            if (s.symbol.equals(symbol) || (s == MINUS && symbol.equals("−"))) {
                return s;
            }
        }
        throw new IllegalArgumentException(CliText.invalidSign(symbol));
    }
}
