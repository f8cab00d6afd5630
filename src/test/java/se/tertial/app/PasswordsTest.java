package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestServer;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hash an unknown user's password is checked against: made once, at its first use or when {@code serve}
 * prepares for sign-ins (not when the class is first used, which doubled a fresh store's start), a real Argon2id
 * hash with the standard parameters, and never a way in — neither for a name without an account nor for an account
 * without a password, not even with the phrase it was made from.
 */
class PasswordsTest {
    private static final String PHRASE = "ingen användare har detta lösenord";

    @TempDir
    Path tmp;

    @Test
    void theDummyIsOneRealHashMadeOnce() {
        String dummy = Passwords.dummy();
        assertTrue(dummy.startsWith("$argon2id$v=19$m=" + Passwords.MEMORY_KIB + ",t=" + Passwords.ITERATIONS + ",p="
                + Passwords.PARALLELISM + "$"), dummy);
        assertSame(dummy, Passwords.dummy());
        assertTrue(Passwords.verify(PHRASE, dummy), "it is a hash of its phrase");
        assertFalse(Passwords.verify("något annat lösenord", dummy));
    }

    @Test
    void theDummyLetsNobodyIn() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.app().auth().prepareForSignIns();
            assertThrows(TertialException.Invalid.class, () -> s.app().auth().login("finns-inte", PHRASE, "10.0.0.1"));
            var ekonomi = s.app().users().require("ekonomi"); // made without a password
            assertThrows(TertialException.Invalid.class, () -> s.app().auth().login("ekonomi", PHRASE, "10.0.0.2"));
            assertThrows(TertialException.Invalid.class, () -> s.app().auth().changePassword(ekonomi, PHRASE,
                    "ett nytt långt lösenord", "ett nytt långt lösenord"));
            assertThrows(TertialException.Invalid.class, () -> s.app().auth().login("ekonomi",
                    "ett nytt långt lösenord", "10.0.0.3"), "no password was set");
        }
    }
}
