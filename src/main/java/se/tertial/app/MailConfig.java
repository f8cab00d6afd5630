package se.tertial.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The optional SMTP server for reminders and notices. Without a host the feature is off and nothing is sent.
 *
 * @param security how the connection is protected: {@code starttls} (upgrade on port 587), {@code tls} (implicit,
 *                 port 465) or {@code none} (a relay on the local network only)
 * @param daysBefore reminders this many days before the deadline (default 5 and 1)
 * @param daysAfter a reminder this many days after it (default 1)
 * @param every how often the reminders are looked for
 */
public record MailConfig(String host, int port, Security security, String user, String password, String from,
                         List<Integer> daysBefore, int daysAfter, Duration every) {
    public enum Security {
        NONE, STARTTLS, TLS;

        public static Security parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("SMTP-säkerheten ska vara starttls, tls eller none, inte \""
                        + text + "\".");
            }
        }
    }

    public static final List<Integer> DEFAULT_DAYS_BEFORE = List.of(5, 1);
    public static final MailConfig OFF = new MailConfig(null, 587, Security.STARTTLS, null, null, null,
            DEFAULT_DAYS_BEFORE, 1, Duration.ofMinutes(15));

    public MailConfig {
        Objects.requireNonNull(security, "security");
        host = host == null || host.isBlank() ? null : host.strip();
        if (host != null && (from == null || from.isBlank())) {
            throw new IllegalArgumentException("Ange avsändaradressen för e-post (--smtp-from).");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP-porten ska vara 1–65535, inte " + port + ".");
        }
        daysBefore = daysBefore.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        if (daysBefore.stream().anyMatch(d -> d < 1 || d > 60) || daysAfter < 0 || daysAfter > 60) {
            throw new IllegalArgumentException("Påminnelsedagarna ska vara 1–60 dagar före och 0–60 efter sista dag.");
        }
        Objects.requireNonNull(every, "every");
    }

    public boolean enabled() {
        return host != null;
    }

    /** The same server, talked to at another host and port (tests). */
    public static MailConfig plain(String host, int port, String from) {
        return new MailConfig(host, port, Security.NONE, null, null, from, DEFAULT_DAYS_BEFORE, 1,
                Duration.ofMinutes(15));
    }
}
