package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.store.UploadOutcome;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period locked after an upload was checked but before it is stored refuses it in the storing transaction: on
 * several instances the lock may come through another one at any moment, and it must hold at once.
 */
class LockRaceTest {
    @TempDir
    Path tmp;

    @Test
    void aPeriodLockedBetweenTheCheckAndTheStoreRefusesTheUpload() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            Tertial app = s.app();
            Actor controller = Actor.cli(app.users().require("controller.fs"));
            byte[] bytes = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            String before = s.currentFacts("FS-MED", "2022-T2");
            long versions = s.count("submission");
            try (ReceivedFile file = ReceivedFile.receive("fs-med.xlsx", new ByteArrayInputStream(bytes), 1 << 24)) {
                UploadService.Prepared checked = app.uploads().prepare(controller, file,
                        UploadService.Options.UPLOAD, Optional.empty(), Optional.empty());
                app.periods().setLocked("2022-T2", true); // e.g. through the other instance
                UploadService.Result r = app.uploads().store(checked);
                assertEquals(UploadOutcome.REJECTED, r.outcome());
                assertEquals(List.of("period_locked"), r.errors().stream().map(f -> f.rule()).toList());
                assertTrue(r.errors().get(0).message().contains("låst"), r.errors().get(0).message());
            }
            assertEquals(before, s.currentFacts("FS-MED", "2022-T2"), "nothing of it stored");
            assertEquals(versions, s.count("submission"));
            assertEquals("rejected", app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT outcome FROM upload ORDER BY id DESC LIMIT 1")) {
                    rs.next();
                    return rs.getString(1);
                }
            }), "the attempt is on record, refused");
        }
    }
}
