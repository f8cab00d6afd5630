package se.tertial.store;

import se.tertial.spec.PeriodCode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a computation over some periods' stored data may cache on: a stamp of every row a report reads — accepted
 * versions, upload attempts (a rejected one marks its unit), review states and the review thread — that differs as
 * soon as any of them is added or changed, by this instance or another on the same database. Counts and maxima
 * together: on PostgreSQL ids are handed out before commit, so a lower id can become visible after a higher one;
 * its count still changes. One query of indexed aggregates, well under a millisecond for a region's year.
 */
public final class ChangeStamps {
    private final Database db;

    public ChangeStamps(Database db) {
        this.db = db;
    }

    /** The stamp of these periods' stored data; equal stamps, equal data. */
    public List<Object> of(Collection<PeriodCode> periods) {
        String in = String.join(",", java.util.Collections.nCopies(periods.size(), "?"));
        String sql = "SELECT (SELECT COUNT(*) FROM submission WHERE period IN (" + in + ")), "
                + "(SELECT MAX(id) FROM submission WHERE period IN (" + in + ")), "
                + "(SELECT COUNT(*) FROM upload WHERE period IN (" + in + ")), "
                + "(SELECT MAX(id) FROM upload WHERE period IN (" + in + ")), "
                + "(SELECT COUNT(*) FROM review WHERE period IN (" + in + ")), "
                + "(SELECT MAX(changed_at) FROM review WHERE period IN (" + in + ")), "
                + "(SELECT COUNT(*) FROM review_message WHERE period IN (" + in + ")), "
                + "(SELECT MAX(id) FROM review_message WHERE period IN (" + in + "))";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int q = 0; q < 8; q++) {
                    for (PeriodCode p : periods) {
                        ps.setString(i++, p.toString());
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    List<Object> stamp = new ArrayList<>(8);
                    for (int col = 1; col <= 8; col++) {
                        stamp.add(rs.getObject(col) == null ? "" : rs.getString(col));
                    }
                    return stamp;
                }
            }
        });
    }
}
