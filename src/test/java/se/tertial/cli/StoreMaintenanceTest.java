package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tertial store backup|restore|check} on real stores, with a running server where it matters. */
class StoreMaintenanceTest {
    @TempDir
    Path tmp;

    private static CliOutput.Run cli(String... args) {
        return CliOutput.capture(args);
    }

    private static String[] with(Path data, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        all[args.length + 2] = "--templates";
        all[args.length + 3] = TestSpecs.DIR.toString();
        return all;
    }

    private static byte[] version(int i) {
        return FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL",
                "-" + (80000 + i)).bytes();
    }

    @Test
    void aBackupTakenWhileUploadsRunRestoresToAStoreThatPassesTheCheck() throws Exception {
        Path data = tmp.resolve("data");
        Path backup = tmp.resolve("kopior/tertial-backup.db");
        AtomicInteger stored = new AtomicInteger();
        int atStart;
        int atEnd;
        try (TestServer server = new TestServer(data)) {
            server.createPeriod("2022-T2");
            CountDownLatch some = new CountDownLatch(5);
            Thread uploads = new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    HttpResponse<byte[]> r = server.upload(server.admin, version(i));
                    if (r.statusCode() == 201) {
                        stored.incrementAndGet();
                    }
                    some.countDown();
                }
            });
            uploads.start();
            some.await();
            atStart = stored.get();
            CliOutput.Run b = cli(with(data, "store", "backup", backup.toString()));
            assertEquals(0, b.exit(), b.out() + b.err());
            atEnd = stored.get();
            uploads.join();
            assertEquals(30, stored.get(), "every upload was answered and stored while the backup ran");
            // A restore into the running server's directory is refused, and changes nothing.
            CliOutput.Run busy = cli(with(data, "store", "restore", backup.toString()));
            assertEquals(2, busy.exit(), busy.out());
            assertTrue(busy.err().contains("används av en körande tertial"), busy.err());
            assertEquals(30, server.count("submission"));
        }
        CliOutput.Run again = cli(with(data, "store", "backup", backup.toString()));
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("finns redan"), again.err());

        Path restored = tmp.resolve("restored");
        CliOutput.Run r = cli(with(restored, "store", "restore", backup.toString()));
        assertEquals(0, r.exit(), r.out() + r.err());
        CliOutput.Run check = cli(with(restored, "store", "check"));
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("inga fel"), check.out());
        long versions = count(restored, "SELECT COUNT(*) FROM submission");
        assertTrue(versions >= 5 && versions <= 30, "the backup holds the versions committed before it: " + versions);
        // The copy is one read transaction: it holds every upload answered before the backup began, and
        // nothing committed after it ended (one upload may be committed and not yet answered).
        assertTrue(versions >= atStart, versions + " versions, " + atStart + " answered when the backup began");
        assertTrue(versions <= atEnd + 1, versions + " versions, " + atEnd + " answered when the backup ended");
        assertEquals(versions, count(restored, "SELECT MAX(version) FROM submission"), "1…n without gaps");
        CliOutput.Run users = cli(with(restored, "user", "list"));
        assertEquals(0, users.exit(), "the restored store opens: " + users.err());
        assertTrue(users.out().contains("admin"), users.out());
        // Restoring over a store keeps the one it replaces beside it.
        CliOutput.Run over = cli(with(restored, "store", "restore", backup.toString()));
        assertEquals(0, over.exit(), over.out() + over.err());
        try (var files = Files.list(restored)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("tertial.db.before-restore-")));
        }
    }

    @Test
    void aDamagedStoreIsReportedAndNeverRestored() throws Exception {
        Path data = tmp.resolve("data");
        try (TestServer server = new TestServer(data)) {
            server.createPeriod("2022-T2");
            for (int i = 0; i < 3; i++) {
                assertEquals(201, server.upload(server.admin, version(i)).statusCode());
            }
        }
        CliOutput.Run clean = cli(with(data, "store", "check"));
        assertEquals(0, clean.exit(), clean.out());
        long uploadId;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tertial.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM fact WHERE submission_id = (SELECT id FROM submission WHERE version = 2)");
            try (ResultSet rs = st.executeQuery("SELECT MIN(id) FROM upload WHERE original_kept = 1")) {
                rs.next();
                uploadId = rs.getLong(1);
            }
            // One byte of the original changed, its size the same: only the SHA-256 can tell.
            byte[] original;
            try (ResultSet rs = st.executeQuery("SELECT original FROM upload WHERE id = " + uploadId)) {
                rs.next();
                original = rs.getBytes(1);
            }
            original[original.length / 2] ^= 0x01;
            try (var ps = c.prepareStatement("UPDATE upload SET original = ? WHERE id = ?")) {
                ps.setBytes(1, original);
                ps.setLong(2, uploadId);
                assertEquals(1, ps.executeUpdate());
            }
        }
        CliOutput.Run damaged = cli(with(data, "store", "check"));
        assertEquals(1, damaged.exit(), damaged.out());
        assertTrue(damaged.out().contains("FS-MED 2022-T2 version 2 saknar uppgifter"), damaged.out());
        assertTrue(damaged.out().contains("Inlämning " + uploadId + ": originalfilens byte"), damaged.out());
        assertTrue(damaged.out().contains("2 fel"), damaged.out());

        // Taken as a backup, it is refused by the restore's check, and the target is left alone.
        Path copy = tmp.resolve("damaged-copy.db");
        assertEquals(0, cli(with(data, "store", "backup", copy.toString())).exit());
        Path target = tmp.resolve("target");
        try (TestServer server = new TestServer(target)) {
            server.createPeriod("2021-T3");
        }
        CliOutput.Run refused = cli(with(target, "store", "restore", copy.toString()));
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("Inget har ändrats"), refused.out());
        assertEquals(0, count(target, "SELECT COUNT(*) FROM submission"));
        assertEquals(1, count(target, "SELECT COUNT(*) FROM period WHERE code = '2021-T3'"));
    }

    private static long count(Path data, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tertial.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
