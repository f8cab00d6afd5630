package se.tertial.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of money in whole kronor. Templates show tkr, so one tkr is 1 000 here and a tkr value has at
 * most three decimals. Rounding happens only in display formats.
 */
public record Amount(long kronor) implements Comparable<Amount> {
    public static final Amount ZERO = new Amount(0);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public static Amount ofKronor(long kronor) {
        return new Amount(kronor);
    }

    /**
     * Exactly {@code tkr} thousand kronor; throws {@link ArithmeticException} if it has more than three decimals
     * (finer than a krona) or does not fit.
     */
    public static Amount ofTkr(BigDecimal tkr) {
        return new Amount(tkr.movePointRight(3).longValueExact());
    }

    public static Amount ofTkr(String tkr) {
        return ofTkr(new BigDecimal(tkr));
    }

    /**
     * The amount a spreadsheet cell shows as {@code value} tkr. Excel stores doubles; we take the double's shortest
     * decimal form (what Excel displays), so 0.1 + 0.2 typed as 0.3 is 300 kronor, not 300.00000000000006.
     * Throws {@link ArithmeticException} when that decimal is finer than a krona, or not finite.
     */
    public static Amount fromSpreadsheet(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("not a finite number: " + value);
        }
        return ofTkr(new BigDecimal(Double.toString(value)).stripTrailingZeros());
    }

    public BigDecimal tkr() {
        return BigDecimal.valueOf(kronor, 3);
    }

    public BigDecimal mnkr() {
        return BigDecimal.valueOf(kronor, 6);
    }

    /** The nearest double, for writing into a spreadsheet cell (Excel has no other number type). */
    public double toSpreadsheet() {
        return tkr().doubleValue();
    }

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(kronor, other.kronor));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(kronor, other.kronor));
    }

    public Amount negate() {
        return new Amount(Math.negateExact(kronor));
    }

    public Amount times(int factor) {
        return new Amount(Math.multiplyExact(kronor, factor));
    }

    public Amount abs() {
        return kronor < 0 ? negate() : this;
    }

    public int signum() {
        return Long.signum(kronor);
    }

    @Override
    public int compareTo(Amount o) {
        return Long.compare(kronor, o.kronor);
    }

    /** "1234.5" (tkr, plain, no trailing zeros): stable for JSON and logs. */
    @Override
    public String toString() {
        BigDecimal t = tkr().stripTrailingZeros();
        return (t.scale() < 0 ? t.setScale(0, RoundingMode.UNNECESSARY) : t).toPlainString();
    }
}
