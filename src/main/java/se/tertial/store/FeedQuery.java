package se.tertial.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a feed request asks of one set: a condition, an order (then the set's own order, so pages are stable), how
 * many rows to skip and return, and — for a controller — the units whose rows it may see. {@code rows} are the rows
 * of a computed set (the nämndsavvikelser), given to SQL as a table so its condition and order run there too.
 * {@code after}: in the set's natural order (no {@code orderBy}), the page starts after the row with these values
 * of {@link FeedSet#order()} (keyset paging; {@code skip} then counts from there).
 */
public record FeedQuery(FeedSet set, Optional<FeedFilter> filter, List<Order> orderBy, long skip, int limit,
                        Optional<Set<String>> units, List<List<Object>> rows, Optional<List<Object>> after) {
    public record Order(String column, boolean descending) {}

    public FeedQuery {
        orderBy = List.copyOf(orderBy);
        rows = List.copyOf(rows);
        if (after.isPresent() && (!orderBy.isEmpty() || after.get().size() != set.order().size())) {
            throw new IllegalArgumentException("a keyset position needs the natural order and all its values");
        }
    }
}
