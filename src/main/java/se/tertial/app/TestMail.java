package se.tertial.app;

import jakarta.mail.MessagingException;
import se.tertial.spec.MailText;
import se.tertial.store.User;

import java.util.Optional;

/** The administrator's check that e-mail reaches a person: one test message now, audited, or a Swedish refusal. */
public final class TestMail {
    private final MailConfig config;
    private final Optional<Mailer> mailer;
    private final UserService users;
    private final AuditService audit;

    TestMail(MailConfig config, Optional<Mailer> mailer, UserService users, AuditService audit) {
        this.config = config;
        this.mailer = mailer;
        this.users = users;
        this.audit = audit;
    }

    /** Whether an SMTP server is configured; without one no reminder or notice is ever sent. */
    public boolean configured() {
        return mailer.isPresent();
    }

    /** "E-post skickas via smtp.region.se:587 från tertial@region.se." or that it is off. */
    public String describe() {
        return mailer.isPresent() ? MailText.mailConfigured(config.host() + ":" + config.port(), config.from())
                : MailText.MAIL_NOT_CONFIGURED;
    }

    /** Sends a test message to the user's address; returns the address it went to. */
    public String send(Actor actor, String userName) {
        User user = users.require(userName);
        Mailer m = mailer.orElseThrow(() -> new TertialException.Invalid(MailText.MAIL_NOT_CONFIGURED));
        String to = user.email().orElseThrow(() -> new TertialException.Invalid(MailText.mailNoAddress(user.name())));
        try {
            m.send(to, MailText.MAIL_TEST_SUBJECT, MailText.mailTest(user.name()));
        } catch (MessagingException e) {
            throw new TertialException.Invalid(MailText.mailTestFailed(to));
        }
        audit.record(audit.event(actor, AuditKind.MAIL_TEST).detail(user.name() + ": " + to));
        return to;
    }
}
