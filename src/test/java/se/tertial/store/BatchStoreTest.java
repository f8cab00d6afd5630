package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk load's batch: uploads stored in order in one transaction — one refused while storing (approved, locked)
 * writes nothing (it is decided before the upload's first write, so no savepoint is needed), the others are all
 * committed, versions numbered as if stored one by one.
 */
class BatchStoreTest {
    @TempDir
    Path tmp;

    private static final Instant T = Instant.parse("2022-09-01T08:00:00Z");

    private static SubmissionRepository.Pending accepted(String unit, String period, String sha, long kr,
                                                         boolean createPeriod) {
        return accepted(unit, period, sha, kr, createPeriod, T);
    }

    private static SubmissionRepository.Pending accepted(String unit, String period, String sha, long kr,
                                                         boolean createPeriod, Instant sourceDate) {
        FactKey key = new FactKey(TemplateId.of("resultat"), LineCode.of("KOST_LON"), ColumnCode.of("UTFALL"));
        NewUpload upload = new NewUpload("submission", "bulk-load", T, sha + ".xlsx", sha.getBytes(), sha, unit,
                period, "xlsx");
        AcceptedVersion v = new AcceptedVersion(UnitCode.of(unit), PeriodCode.parse(period), false, "resultat:1",
                Map.of(TemplateId.of("resultat"), "Resultat"), Map.of(key, Amount.ofKronor(kr)), Map.of(), sourceDate);
        return new SubmissionRepository.Pending(upload, UploadOutcome.ACCEPTED, List.of(), Optional.of(v),
                Optional.empty(), AuditEvent.of(T, "bulk-load", "kommandorad", null, "upload"), createPeriod);
    }

    /**
     * A version's facts go in statements of up to {@link SubmissionWrites.FACT_ROWS_PER_INSERT} rows: versions
     * of one fact, of exactly one statement, one more, and several statements over two templates all come back
     * exactly, with each template's sheet.
     */
    @Test
    void everyFactComesBackWhateverTheNumberOfStatements() {
        int most = SubmissionWrites.FACT_ROWS_PER_INSERT;
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            SubmissionRepository repo = new SubmissionRepository(db);
            String[] units = {"FS-MED", "FS-KIR", "FS-ORT", "FS-BARN", "FS-AKUT"};
            int[] sizes = {1, most, most + 1, 2 * most + 45, 2 * most};
            List<Map<FactKey, Amount>> stored = new java.util.ArrayList<>();
            List<SubmissionRepository.Pending> batch = new java.util.ArrayList<>();
            for (int u = 0; u < units.length; u++) {
                Map<FactKey, Amount> facts = new java.util.LinkedHashMap<>();
                for (int i = 0; i < sizes[u]; i++) {
                    // the first half on the income statement, the rest on the balance sheet
                    TemplateId t = TemplateId.of(i < sizes[u] / 2 ? "resultat" : "balans");
                    facts.put(new FactKey(t, LineCode.of("RAD_" + i), ColumnCode.of(i % 2 == 0 ? "UTFALL" : "PROGNOS")),
                            Amount.ofKronor(-1000L * i - u));
                }
                stored.add(facts);
                NewUpload upload = new NewUpload("submission", "bulk-load", T, units[u] + ".xlsx",
                        units[u].getBytes(), "sha-" + units[u], units[u], "2022-T2", "xlsx");
                AcceptedVersion v = new AcceptedVersion(UnitCode.of(units[u]), PeriodCode.parse("2022-T2"), false,
                        "resultat:1,balans:1", Map.of(TemplateId.of("resultat"), "Resultat",
                        TemplateId.of("balans"), "Balans"), facts, Map.of(), T);
                batch.add(new SubmissionRepository.Pending(upload, UploadOutcome.ACCEPTED, List.of(), Optional.of(v),
                        Optional.empty(), null, true));
            }
            repo.storeAll(batch);
            for (int u = 0; u < units.length; u++) {
                assertEquals(stored.get(u), repo.currentFacts(UnitCode.of(units[u]), PeriodCode.parse("2022-T2"))
                        .orElseThrow().facts(), units[u]);
            }
            assertEquals(List.of(String.valueOf(1 + most + most + 1 + 2 * most + 45 + 2 * most)),
                    column(db, "SELECT COUNT(*) FROM fact"));
            // One fact (on the balance sheet only) has one sheet; the others both.
            assertEquals(List.of("Balans", "Balans", "Resultat", "Balans", "Resultat", "Balans", "Resultat", "Balans",
                    "Resultat"), column(db, "SELECT sheet FROM submission_sheet ORDER BY submission_id, template"));
        }
    }

    @Test
    void aFailingUploadTakesBackOnlyItsOwnRows() {
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            new PeriodRepository(db).create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), T);
            new PeriodRepository(db).create(PeriodCode.parse("2021-T3"), LocalDate.of(2022, 1, 9), T);
            new PeriodRepository(db).setState(PeriodCode.parse("2021-T3"), PeriodState.LOCKED);
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO review (unit, period, state, changed_by, "
                        + "changed_at) VALUES ('FS-KIR', '2022-T2', 'godkand', 'ekonomi', ?)")) {
                    ps.setString(1, T.toString());
                    return ps.executeUpdate();
                }
            });
            SubmissionRepository repo = new SubmissionRepository(db);
            List<SubmissionRepository.StoreResult> r = repo.storeAll(List.of(
                    accepted("FS-MED", "2022-T2", "a1", -1000, true),
                    accepted("FS-KIR", "2022-T2", "b1", -2000, true), // approved: refused, rolled back alone
                    accepted("FS-MED", "2022-T2", "a2", -3000, true),
                    accepted("FS-MED", "2019-T1", "c1", -4000, true), // a period no one created yet
                    accepted("FS-MED", "2021-T3", "d1", -5000, true), // locked: refused, nothing written
                    accepted("FS-MED", "2022-T2", "a3", -7000, true)));

            assertEquals(Optional.of(1), r.get(0).stored().version());
            assertNull(r.get(1).stored());
            assertInstanceOf(ReviewRepository.Approved.class, r.get(1).failure());
            assertEquals(Optional.of(2), r.get(2).stored().version());
            assertEquals(Optional.of(1), r.get(3).stored().version());
            assertInstanceOf(PeriodRepository.Locked.class, r.get(4).failure());
            assertEquals(Optional.of(3), r.get(5).stored().version());

            assertEquals(List.of("a1", "a2", "c1", "a3"), column(db, "SELECT sha256 FROM upload ORDER BY id"));
            // One audit event per stored upload, none for the refused ones.
            assertEquals(List.of("FS-MED 2019-T1", "FS-MED 2022-T2", "FS-MED 2022-T2", "FS-MED 2022-T2"), column(db,
                    "SELECT unit || ' ' || period FROM audit_event ORDER BY period, id"));
            assertEquals(List.of("2019-T1", "2021-T3", "2022-T2"), column(db, "SELECT code FROM period ORDER BY code"));
            assertEquals(List.of("1", "2", "3"), column(db, "SELECT version FROM submission WHERE unit = 'FS-MED' "
                    + "AND period = '2022-T2' ORDER BY version"));
            assertEquals(List.of("3"), column(db, "SELECT version FROM submission WHERE unit = 'FS-MED' "
                    + "AND period = '2022-T2' AND is_current = 1"));
            assertEquals(-7000L, repo.currentFacts(UnitCode.of("FS-MED"), PeriodCode.parse("2022-T2")).orElseThrow()
                    .facts().values().iterator().next().kronor());
            assertTrue(new PeriodRepository(db).find(PeriodCode.parse("2019-T1")).isPresent(),
                    "created with its first version");
            assertEquals(List.of(), column(db, "SELECT unit FROM submission WHERE unit = 'FS-KIR'"));
        }
    }

    /**
     * A batch reads a unit's slot once and follows its own writes: versions, which one is current, a copy of the
     * current bytes, an older file, a period created by the batch's first version and the report's state end up
     * exactly as when each upload is stored in a transaction of its own.
     */
    @Test
    void aBatchStoresWhatOneByOneWould() {
        Instant day = Instant.parse("2022-09-02T08:00:00Z");
        List<SubmissionRepository.Pending> uploads = List.of(
                accepted("FS-MED", "2022-T2", "a1", -1000, true, day),
                accepted("FS-MED", "2022-T2", "a2", -2000, true, day.plusSeconds(86_400)),
                accepted("FS-MED", "2022-T2", "a2", -2000, true, day.plusSeconds(86_400)), // the current bytes again
                accepted("FS-MED", "2022-T2", "a0", -500, true, day.minusSeconds(86_400)), // older: not current
                accepted("FS-KIR", "2019-T1", "k1", -10, true, day), // creates the period ...
                accepted("FS-KIR", "2019-T1", "k2", -20, true, day.plusSeconds(60)), // ... once
                accepted("FS-MED", "2022-T2", "a3", -3000, true, day.plusSeconds(2 * 86_400)),
                accepted("FS-MED", "2022-T2", "a4", -4000, true, day.plusSeconds(2 * 86_400)));
        List<List<String>> batch;
        List<List<String>> oneByOne;
        List<List<String>> batchVersions = new java.util.ArrayList<>();
        List<List<String>> singleVersions = new java.util.ArrayList<>();
        try (Database db = se.tertial.testkit.TestStores.open(tmp.resolve("batch"))) {
            SubmissionRepository repo = seeded(db);
            for (SubmissionRepository.StoreResult r : repo.storeAll(uploads)) {
                batchVersions.add(List.of(r.stored().outcome().dbValue(), String.valueOf(r.stored().version())));
            }
            batch = state(db);
        }
        try (Database db = se.tertial.testkit.TestStores.open(tmp.resolve("single"))) {
            SubmissionRepository repo = seeded(db);
            for (SubmissionRepository.Pending p : uploads) {
                SubmissionRepository.Stored r = repo.store(p.upload(), p.outcome(), p.findings(), p.accepted(),
                        p.message(), p.audit(), p.createPeriod());
                singleVersions.add(List.of(r.outcome().dbValue(), String.valueOf(r.version())));
            }
            oneByOne = state(db);
        }
        assertEquals(singleVersions, batchVersions);
        assertEquals(oneByOne, batch);
        // And what that is, so that both cannot be wrong the same way.
        assertEquals(List.of("unchanged", "Optional[3]"), batchVersions.get(2));
        assertEquals(List.of("FS-KIR 2019-T1 1 0", "FS-KIR 2019-T1 2 1", "FS-MED 2022-T2 1 0", "FS-MED 2022-T2 2 0",
                "FS-MED 2022-T2 3 0", "FS-MED 2022-T2 4 0", "FS-MED 2022-T2 5 0", "FS-MED 2022-T2 6 1"),
                batch.get(0));
        assertEquals(List.of("FS-KIR 1 resultat Resultat", "FS-KIR 2 resultat Resultat", "FS-MED 1 resultat Resultat",
                "FS-MED 2 resultat Resultat", "FS-MED 3 resultat Resultat", "FS-MED 4 resultat Resultat",
                "FS-MED 5 resultat Resultat", "FS-MED 6 resultat Resultat"), batch.get(5), "one sheet per version");
    }

    /** Which bytes were uploaded before: one answer for any number of them, across the chunks it is asked in. */
    @Test
    void uploadedBeforeFindsExactlyTheStoredBytes() {
        try (Database db = se.tertial.testkit.TestStores.open(tmp.resolve("seen"))) {
            SubmissionRepository repo = seeded(db); // bytes "a"
            repo.storeAll(List.of(accepted("FS-MED", "2022-T2", "b", -2, false), accepted("FS-MED", "2022-T2", "c",
                    -3, false)));
            List<String> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                asked.add("x" + i);
            }
            asked.add(0, "c");
            asked.add(700, "a"); // in the second chunk of 500
            asked.add("zz");
            assertEquals(java.util.Set.of("a", "c"), repo.uploadedBefore(asked));
            assertEquals(java.util.Set.of(), repo.uploadedBefore(List.of()));
        }
    }

    /** A store with one version stored before the batch, so that the batch starts from a stored slot. */
    private static SubmissionRepository seeded(Database db) {
        new PeriodRepository(db).create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), T);
        SubmissionRepository repo = new SubmissionRepository(db);
        SubmissionRepository.Pending first = accepted("FS-MED", "2022-T2", "a", -1, false, T);
        repo.store(first.upload(), first.outcome(), first.findings(), first.accepted(), first.message(),
                first.audit(), false);
        return repo;
    }

    private static List<List<String>> state(Database db) {
        return List.of(
                column(db, "SELECT unit || ' ' || period || ' ' || version || ' ' || is_current FROM submission "
                        + "ORDER BY unit, period, version"),
                column(db, "SELECT u.sha256 || ' ' || u.outcome || ' ' || COALESCE(s.version, 0) FROM upload u "
                        + "LEFT JOIN submission s ON s.id = u.submission_id ORDER BY u.id"),
                column(db, "SELECT r.unit || ' ' || r.period || ' ' || r.state || ' ' || s.version FROM review r "
                        + "JOIN submission s ON s.id = r.submission_id ORDER BY r.unit, r.period"),
                column(db, "SELECT unit || ' ' || period || ' ' || action || ' ' || version FROM review_message "
                        + "ORDER BY id"),
                column(db, "SELECT code || ' ' || state FROM period ORDER BY code"),
                column(db, "SELECT s.unit || ' ' || s.version || ' ' || ss.template || ' ' || ss.sheet FROM "
                        + "submission_sheet ss JOIN submission s ON s.id = ss.submission_id ORDER BY s.unit, s.version"));
    }

    private static List<String> column(Database db, String sql) {
        return db.read(c -> {
            List<String> rows = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }
}
