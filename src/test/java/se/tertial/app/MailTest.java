package se.tertial.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.MutableClock;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders and notices by e-mail, against a real SMTP server (GreenMail) and a clock the test moves (issue 11):
 * 5 and 1 days before the deadline and the day after, one e-mail per person listing their units that are missing
 * or returned, never twice for the same unit, period and reminder, also after a restart; return, approval and
 * submission notices; without SMTP nothing is sent and nothing fails.
 */
class MailTest {
    @TempDir
    Path tmp;
    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MailConfig mail() {
        return MailConfig.plain("127.0.0.1", smtp.getSmtp().getPort(), "tertial@region.test");
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T07:00:00Z");
    }

    @Test
    void remindersOnTheirDaysOncePerPersonAndNoticesOfTheRound() throws Exception {
        MutableClock clock = new MutableClock(day("2022-09-01"));
        Path data = tmp.resolve("data");
        try (TestServer s = new TestServer(data, clock, mail())) {
            s.createPeriod("2022-T2"); // deadline 2022-09-09
            s.app().users().add("controller.rs", "controller", List.of("RS-IT"));
            s.app().users().add("utan.epost", "controller", List.of("RS-VSS"));
            s.app().users().add("ekonomi.tyst", "finance", List.of());
            email(s, "controller.fs", "fs@region.test", false);
            email(s, "controller.rs", "rs@region.test", false);
            email(s, "ekonomi", "ekonomi@region.test", true);
            email(s, "ekonomi.tyst", "tyst@region.test", false);

            clock.set(day("2022-09-03"));
            assertEquals(0, s.app().reminders().run(), "six days before: nothing due");
            clock.set(day("2022-09-04"));
            assertEquals(2, s.app().reminders().run(), "five days before: fs and rs");
            List<MimeMessage> first = arrived(2);
            MimeMessage fs = to(first, "fs@region.test");
            assertEquals("Påminnelse: tertialrapport 2022-T2, sista dag 2022-09-09", fs.getSubject());
            String text = body(fs);
            assertTrue(text.contains("FS-MED Medicinsk vård (saknas): http://tertial.test/enheter/FS-MED/2022-T2")
                    && text.contains("FS-KIR") && text.contains("2022-09-09"), text);
            assertTrue(body(to(first, "rs@region.test")).contains("RS-IT"));
            assertEquals("tertial@region.test", fs.getFrom()[0].toString());
            assertEquals(0, s.app().reminders().run(), "never twice");

            // FS-MED reports: finance users who opted in hear of it, the others do not.
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes(),
                    "Här är vår rapport.").statusCode());
            s.app().flushMail();
            MimeMessage submitted = single(arrived(1));
            assertEquals("ekonomi@region.test", submitted.getRecipients(Message.RecipientType.TO)[0].toString());
            assertEquals("Inlämnad: FS-MED 2022-T2 version 1", submitted.getSubject());
            assertTrue(body(submitted).contains("Här är vår rapport."));
        }

        // A restart: the same store, a new service; what was sent is remembered.
        try (Tertial app = Tertial.open(se.tertial.testkit.TestStores.on(config(data)), clock)) {
            assertEquals(0, app.reminders().run(), "five-day reminders are not sent again after a restart");
            clock.set(day("2022-09-08"));
            assertEquals(2, app.reminders().run(), "one day before");
        }
        List<MimeMessage> dayBefore = arrived(2);
        String fsText = body(to(dayBefore, "fs@region.test"));
        assertTrue(fsText.contains("FS-KIR") && !fsText.contains("FS-MED"), "FS-MED has reported: " + fsText);

        try (TestServer s = reopen(data, clock)) {
            HttpResponse<byte[]> returned = s.post("/api/periods/2022-T2/units/FS-MED/return",
                    "{\"version\":1,\"message\":\"Förklara lönerna.\"}", token(s, "ekonomi"));
            assertEquals(200, returned.statusCode(), new String(returned.body()));
            s.app().flushMail();
            MimeMessage notice = single(arrived(1));
            assertEquals("Återsänd: FS-MED 2022-T2", notice.getSubject());
            assertEquals("fs@region.test", notice.getRecipients(Message.RecipientType.TO)[0].toString());
            assertTrue(body(notice).contains("Förklara lönerna.") && body(notice).contains("2022-09-09"));

            clock.set(day("2022-09-10"));
            assertEquals(2, s.app().reminders().run(), "the day after: fs (returned and missing) and rs");
            List<MimeMessage> after = arrived(2);
            MimeMessage late = to(after, "fs@region.test");
            assertEquals("Försenad tertialrapport 2022-T2, sista dag 2022-09-09", late.getSubject());
            assertTrue(body(late).contains("FS-MED Medicinsk vård (återsänd)") && body(late).contains("FS-KIR"),
                    body(late));
            clock.set(day("2022-09-11"));
            assertEquals(0, s.app().reminders().run(), "the after-reminder goes once");

            assertEquals(201, s.upload(token(s, "controller.fs"), FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-80200").bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":2,\"message\":"
                    + "\"Tack.\"}", token(s, "ekonomi")).statusCode());
            s.app().flushMail();
            List<MimeMessage> last = arrived(2);
            assertEquals("Inlämnad: FS-MED 2022-T2 version 2", to(last, "ekonomi@region.test").getSubject());
            MimeMessage approved = to(last, "fs@region.test");
            assertEquals("Godkänd: FS-MED 2022-T2", approved.getSubject());
            assertTrue(body(approved).contains("Tack."));
        }
        assertEquals(10, smtp.getReceivedMessages().length, "and nothing else, to nobody else");
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            assertTrue(!to.equals("tyst@region.test"), "finance without the opt-in hears nothing");
        }
    }

    @Test
    void withoutSmtpNothingIsSentAndNothingFails() {
        try (TestServer s = new TestServer(tmp.resolve("plain"))) {
            s.createPeriod("2022-T2");
            email(s, "controller.fs", "fs@region.test", false);
            assertEquals(0, s.app().reminders().run());
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/return", "{\"version\":1,\"message\":\"x\"}",
                    s.finance).statusCode());
            s.app().flushMail();
        }
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void aMailServerThatIsDownFailsNoAction() {
        MailConfig down = MailConfig.plain("127.0.0.1", 1, "tertial@region.test");
        try (TestServer s = new TestServer(tmp.resolve("down"), java.time.Clock.systemUTC(), down)) {
            s.createPeriod("2022-T2");
            email(s, "controller.fs", "fs@region.test", false);
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/return", "{\"version\":1,\"message\":\"x\"}",
                    s.finance).statusCode());
            s.app().flushMail();
            assertEquals(0, s.app().reminders().run(), "not sent, so not remembered: tried again next time");
            assertEquals(0, s.count("reminder_sent"));
        }
    }

    private Config config(Path data) {
        return new Config(TestSpecs.DIR, data, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, TestServer.GENEROUS, mail());
    }

    /** The service on the same store again, with its users' keys made anew. */
    private TestServer reopen(Path data, MutableClock clock) {
        return TestServer.reopen(data, clock, mail());
    }

    private static String token(TestServer s, String user) {
        return s.app().users().addKey(user, "test").token();
    }

    /**
     * Finance's "Påminn" on the status board (issue 25), through the page: exactly one e-mail to the unit's
     * controller, audited; a second press the same day sends none and says so; the next day it may go again.
     */
    @Test
    void theRemindButtonSendsOneMailPerUnitAndDay() throws Exception {
        MutableClock clock = new MutableClock(day("2022-09-05"));
        try (TestServer s = new TestServer(tmp.resolve("data"), clock, mail())) {
            s.createPeriod("2022-T2");
            s.app().users().add("controller.rs", "controller", List.of("RS-IT"));
            email(s, "controller.fs", "fs@region.test", false);
            email(s, "controller.rs", "rs@region.test", false);
            se.tertial.testkit.WebSession w = new se.tertial.testkit.WebSession(s);
            String oneTime = s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
            w.login("ekonomi", oneTime);
            String csrf = se.tertial.testkit.WebSession.csrf(w.get("/losenord"));
            w.post("/losenord", java.util.Map.of("_csrf", csrf, "nuvarande", oneTime, "nytt", "ekonomins lösenord",
                    "upprepa", "ekonomins lösenord"));
            var board = w.get("/perioder/2022-T2");
            assertTrue(board.body().contains("controller.rs (rs@region.test)"), "the unit's controller on the board");
            csrf = se.tertial.testkit.WebSession.csrf(board);
            var first = w.post("/perioder/2022-T2/paminn", java.util.Map.of("_csrf", csrf, "enhet", "RS-IT"));
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains("Påminnelse skickad för RS-IT."), first.body());
            MimeMessage m = arrived(1).get(0);
            assertEquals("rs@region.test", m.getAllRecipients()[0].toString());
            assertTrue(body(m).contains("RS-IT") && !body(m).contains("FS-MED"), body(m));
            var again = w.post("/perioder/2022-T2/paminn", java.util.Map.of("_csrf", csrf, "enhet", "RS-IT"));
            assertTrue(again.body().contains("Redan påmind i dag: RS-IT."), again.body());
            org.junit.jupiter.api.Assertions.assertFalse(smtp.waitForIncomingEmail(1_000, 2), "no second e-mail");
            assertEquals(1, s.app().audit().list(s.app().users().require("admin"), new AuditService.Query(
                    "2022-T2", "RS-IT", null, "reminder", null, null)).size());
            clock.set(day("2022-09-06")); // the page's session has ended by now: the same service, the next day
            var next = s.app().remindNow().remind(Actor.cli(s.app().users().require("ekonomi")), "2022-T2",
                    List.of("RS-IT"));
            assertEquals(List.of("RS-IT"), next.reminded());
            arrived(1);
        }
    }

    /** The administrator's "Skicka testmejl": one message to the user's address now, audited; refusals in words. */
    @Test
    void aTestMessageReachesTheUserAndIsAudited() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"), new MutableClock(day("2022-09-01")), mail())) {
            Actor admin = Actor.cli(s.app().users().require("admin"));
            TertialException.Invalid none = org.junit.jupiter.api.Assertions.assertThrows(
                    TertialException.Invalid.class, () -> s.app().testMail().send(admin, "controller.fs"));
            assertTrue(none.getMessage().contains("ingen e-postadress"), none.getMessage());
            email(s, "controller.fs", "fs@region.test", false);
            assertTrue(s.app().testMail().describe().contains("från tertial@region.test"));
            assertEquals("fs@region.test", s.app().testMail().send(admin, "controller.fs"));
            MimeMessage m = arrived(1).get(0);
            assertEquals("Testmejl från tertial", m.getSubject());
            assertTrue(body(m).startsWith("Hej controller.fs!"), body(m));
            assertTrue(s.app().audit().list(s.app().users().require("admin"), new AuditService.Query(null, null,
                    null, "mail_test", null, null)).stream().anyMatch(e -> e.detail().orElse("")
                    .equals("controller.fs: fs@region.test")));
        }
        try (TestServer s = new TestServer(tmp.resolve("off"))) {
            assertTrue(s.app().testMail().describe().startsWith("E-post är inte inställd"));
            assertTrue(!s.app().testMail().configured());
        }
    }

    private static void email(TestServer s, String user, String address, boolean notify) {
        HttpResponse<byte[]> r = s.patch("/api/users/" + user, "{\"email\":\"" + address + "\",\"notifySubmissions\":"
                + notify + "}", s.admin);
        assertEquals(200, r.statusCode(), new String(r.body()));
    }

    private final java.util.Set<String> seen = new java.util.HashSet<>();

    /**
     * The messages that arrived since the last call, exactly {@code count} of them (GreenMail lists messages by
     * mailbox, not by arrival, so they are told apart by their Message-ID).
     */
    private List<MimeMessage> arrived(int count) {
        int total = seen.size() + count;
        assertTrue(smtp.waitForIncomingEmail(10_000, total), "expected " + total + " messages, got "
                + smtp.getReceivedMessages().length);
        List<MimeMessage> fresh = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (seen.add(m.getMessageID())) {
                    fresh.add(m);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        assertEquals(count, fresh.size(), "new messages");
        return fresh;
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    private static MimeMessage to(List<MimeMessage> messages, String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                to.add(m);
            }
        }
        List<String> all = new ArrayList<>();
        for (MimeMessage m : messages) {
            all.add(m.getRecipients(Message.RecipientType.TO)[0] + ": " + m.getSubject());
        }
        assertEquals(1, to.size(), "one message to " + address + " among " + all);
        return to.get(0);
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
