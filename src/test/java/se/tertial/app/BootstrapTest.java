package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestSpecs;
import se.tertial.testkit.TestStores;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start makes an administrator whenever there is no active one (issue 28): also after `user add` made
 * others first, and beside a finance user who took the name "admin"; never a second one.
 */
class BootstrapTest {
    @TempDir
    Path tmp;

    private Tertial open() {
        return Tertial.open(TestStores.on(new Config(TestSpecs.DIR, tmp, "127.0.0.1", 0, null, "tertial")));
    }

    @Test
    void anAdministratorIsMadeWhenNoActiveOneExists() {
        try (Tertial app = open()) {
            app.users().add("anna", "controller", List.of("FS-MED"));
            app.users().add("admin", "finance", List.of());
            var made = app.users().bootstrapAdmin(tmp).orElseThrow();
            assertEquals("admin-2", made.user().name(), "the name admin is a finance user's");
            assertEquals(se.tertial.store.UserRole.ADMIN, app.users().require("admin-2").role());
            assertTrue(app.users().bootstrapAdmin(tmp).isEmpty(), "one active administrator is enough");
            app.users().setActive("admin-2", false);
            assertEquals("admin-3", app.users().bootstrapAdmin(tmp).orElseThrow().user().name(),
                    "no active administrator: another is made");
        }
    }
}
