package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.money.SwedishNumber;
import se.tertial.spec.CommonText;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;
import se.tertial.workbook.CellValue;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads an amount cell: a number (at most three decimals), Swedish number text (with a warning), a formula's
 * result, or blank; anything else is an error. The problem, if any, comes back without an address for the caller
 * to place.
 */
record CellAmount(Optional<Amount> amount, Optional<Problem> problem) {
    record Problem(Severity severity, String rule, String text) {}

    static CellAmount read(CellValue cell) {
        if (cell instanceof CellValue.Formula f && f.result() instanceof CellValue.Blank) {
            // tertial never evaluates an uploaded formula; one without a stored result has no value to read
            return problem(Severity.ERROR, Rules.NOT_A_NUMBER, FindingText.formulaWithoutResult(f.formula()));
        }
        CellValue shown = cell.shown();
        if (shown instanceof CellValue.Blank) {
            return new CellAmount(Optional.empty(), Optional.empty());
        }
        if (shown instanceof CellValue.Number n) {
            try {
                return new CellAmount(Optional.of(Amount.fromSpreadsheet(n.value())), Optional.empty());
            } catch (ArithmeticException e) {
                return problem(Severity.ERROR, Rules.TOO_MANY_DECIMALS,
                        FindingText.tooManyDecimals(CommonText.swedishNumber(BigDecimal.valueOf(n.value()))));
            }
        }
        if (shown instanceof CellValue.Text t && !(cell instanceof CellValue.Formula)) {
            if (t.value().isBlank()) {
                return new CellAmount(Optional.empty(), Optional.empty());
            }
            Optional<BigDecimal> parsed = SwedishNumber.parse(t.value());
            if (parsed.isPresent()) {
                try {
                    Amount a = Amount.ofTkr(parsed.get());
                    return new CellAmount(Optional.of(a), Optional.of(new Problem(Severity.WARNING,
                            Rules.NUMBER_AS_TEXT, FindingText.numberAsText(t.value(), a.tkr()))));
                } catch (ArithmeticException e) {
                    return problem(Severity.ERROR, Rules.TOO_MANY_DECIMALS, FindingText.tooManyDecimals(t.value()));
                }
            }
        }
        return problem(Severity.ERROR, Rules.NOT_A_NUMBER, FindingText.notANumber(describe(cell)));
    }

    private static CellAmount problem(Severity severity, String rule, String text) {
        return new CellAmount(Optional.empty(), Optional.of(new Problem(severity, rule, text)));
    }

    /** How a cell reads to the controller: its text, number, formula or error. */
    static String describe(CellValue cell) {
        if (cell instanceof CellValue.Formula f) {
            return "=" + f.formula();
        } else if (cell instanceof CellValue.Text t) {
            return "\"" + t.value() + "\"";
        } else if (cell instanceof CellValue.Number n) {
            return CommonText.swedishNumber(BigDecimal.valueOf(n.value()));
        } else if (cell instanceof CellValue.Bool b) {
            return b.value() ? "SANT" : "FALSKT";
        } else if (cell instanceof CellValue.Error e) {
            return e.code();
        } else if (cell instanceof CellValue.Unreadable u) {
            return FindingText.unreadableCell(u.raw());
        }
        return FindingText.EMPTY_CELL;
    }
}
