package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.store.Tokens;
import se.tertial.store.User;
import se.tertial.store.UserRole;
import se.tertial.testkit.TestSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstStartCreatesAnAdminOnceAndWritesItsTokenForTheOwnerOnly() throws Exception {
        try (Tertial app = Tertial.open(se.tertial.testkit.TestStores.on(new Config(TestSpecs.DIR, tmp, "127.0.0.1", 0, null, "tertial")))) {
            String token = app.users().bootstrapAdmin(tmp).orElseThrow().token();
            Path file = tmp.resolve(UserService.ADMIN_TOKEN_FILE);
            assertEquals(token, Files.readString(file).strip());
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
            assertEquals(UserRole.ADMIN, app.users().authenticate(token).orElseThrow().role());
            assertTrue(app.users().bootstrapAdmin(tmp).isEmpty(), "only on the very first start");
            // Only a hash is stored.
            String stored = app.database().read(c -> {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT token_hash FROM api_key")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertNotEquals(token, stored);
            assertEquals(Tokens.hash(token), stored);
        }
    }

    @Test
    void controllersAreBoundToKnownUnits() {
        try (Tertial app = Tertial.open(se.tertial.testkit.TestStores.on(new Config(TestSpecs.DIR, tmp, "127.0.0.1", 0, null, "tertial")))) {
            var created = app.users().add("anna", "controller", List.of("FS-MED", " FS-KIR"));
            User anna = app.users().authenticate(created.token()).orElseThrow();
            assertTrue(anna.mayActFor(se.tertial.spec.UnitCode.of("FS-KIR")));
            assertFalse(anna.mayActFor(se.tertial.spec.UnitCode.of("FS-PRIV")));
            assertTrue(created.token().startsWith("tt_") && created.token().length() > 40);
            assertThrows(TertialException.Invalid.class, () -> app.users().add("bo", "controller", List.of()));
            assertThrows(TertialException.Invalid.class, () -> app.users().add("bo", "controller", List.of("FS-XX")));
            assertThrows(TertialException.Invalid.class, () -> app.users().add("bo", "chef", List.of()));
            assertThrows(TertialException.Conflict.class, () -> app.users().add("anna", "finance", List.of()));
            assertTrue(app.users().authenticate("tt_gissning").isEmpty());
        }
    }
}
