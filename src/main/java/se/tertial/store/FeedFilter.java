package se.tertial.store;

/**
 * A feed query's condition, independent of the protocol that asked for it: comparisons of a column of the set with a
 * value (text, {@code Long}, {@code BigDecimal} tkr, {@code Boolean}, {@code LocalDate}, {@code Instant}, or null),
 * combined with and, or and not. The store turns it into SQL with bound parameters.
 */
public sealed interface FeedFilter {
    /** A comparison. */
    enum Op { EQ, NE, GT, GE, LT, LE }

    record Compare(String column, Op op, Object value) implements FeedFilter {}

    record And(FeedFilter left, FeedFilter right) implements FeedFilter {}

    record Or(FeedFilter left, FeedFilter right) implements FeedFilter {}

    record Not(FeedFilter inner) implements FeedFilter {}

    /** A condition known without looking at a row, e.g. {@code true}. */
    record Constant(boolean value) implements FeedFilter {}
}
