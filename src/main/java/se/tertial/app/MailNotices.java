package se.tertial.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.spec.LogText;
import se.tertial.spec.MailText;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import se.tertial.store.UserRole;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The review round's notices by e-mail: to a unit's controllers when finance returns or approves its report, to
 * finance users who opted in when a unit submits. Sent on a background thread, so a slow or absent mail server
 * never delays or fails the action; a failure is logged.
 */
final class MailNotices implements Notices, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotices.class);
    private final Mailer mailer;
    private final UserRepository users;
    private final String publicUrl;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tertial-mail");
        t.setDaemon(true);
        return t;
    });

    MailNotices(Mailer mailer, UserRepository users, String publicUrl) {
        this.mailer = mailer;
        this.users = users;
        this.publicUrl = publicUrl;
    }

    @Override
    public void approved(Unit unit, Period period, int version, Optional<String> message) {
        for (User u : controllersOf(unit)) {
            send(u, MailText.mailApprovedSubject(unit, period.code()), MailText.mailApproved(u.name(), unit,
                    period.code(), version, message, link(unit, period)));
        }
    }

    @Override
    public void returned(Unit unit, Period period, int version, String message) {
        for (User u : controllersOf(unit)) {
            send(u, MailText.mailReturnedSubject(unit, period.code()), MailText.mailReturned(u.name(), unit,
                    period.code(), period.deadline(), version, message, link(unit, period)));
        }
    }

    @Override
    public void submitted(Unit unit, Period period, int version, String by, Optional<String> message) {
        for (User u : users.list()) {
            if (u.active() && u.notifySubmissions() && u.email().isPresent() && u.role() != UserRole.CONTROLLER) {
                send(u, MailText.mailSubmittedSubject(unit, period.code(), version), MailText.mailSubmitted(u.name(),
                        unit, period.code(), version, by, message, link(unit, period)));
            }
        }
    }

    /** The active controllers bound to the unit who have an e-mail address. */
    List<User> controllersOf(Unit unit) {
        return users.list().stream().filter(u -> u.active() && u.role() == UserRole.CONTROLLER
                && u.units().contains(unit.code()) && u.email().isPresent()).toList();
    }

    private String link(Unit unit, Period period) {
        return publicUrl + "/enheter/" + unit.code().value() + "/" + period.code();
    }

    private void send(User to, String subject, String text) {
        String address = to.email().orElseThrow();
        sender.execute(() -> {
            try {
                mailer.send(address, subject, text);
            } catch (Exception e) {
                LOG.warn("could not send \"{}\" to {}: {}", LogText.safe(subject), LogText.safe(address),
                        LogText.safe(e.toString()));
            }
        });
    }

    /** Waits for the notices queued so far (at shutdown, and in tests). */
    void flush() {
        try {
            sender.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("mail queue did not drain: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flush();
        sender.shutdown();
    }
}
