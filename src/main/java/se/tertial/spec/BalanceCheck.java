package se.tertial.spec;

import java.math.BigDecimal;
import java.util.Objects;

/** The balance sheet must balance: |assets − equity and liabilities| below the tolerance (tkr). */
public record BalanceCheck(LineCode assets, LineCode equityAndLiabilities, BigDecimal toleranceTkr, String label) {
    public BalanceCheck {
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(equityAndLiabilities, "equityAndLiabilities");
        Objects.requireNonNull(toleranceTkr, "toleranceTkr");
        Objects.requireNonNull(label, "label");
    }
}
