package se.tertial.app;

import se.tertial.spec.Organisation;
import se.tertial.spec.PageText;
import se.tertial.spec.UnitCode;
import se.tertial.store.SsoRepository;
import se.tertial.store.Tokens;
import se.tertial.store.User;
import se.tertial.store.UserRole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Who a person signing in with the region's account is in tertial: the sign-in under way (kept in the store, so
 * the browser may come back through any instance, taken once, bound to the browser that began it), then the
 * validated claims turned into a user — found by their stable subject, linked to an existing user the
 * administrator named (or by a verified e-mail, when allowed), or made at first sign-in — with the role and units
 * the claims give, refreshed at every sign-in and audited when they change. A user deactivated in tertial stays
 * out. Every sign-in and every refusal is audited with the subject, never a token.
 */
public final class SsoService {
    /** A sign-in that has not come back within this time is void. */
    static final Duration PENDING = Duration.ofMinutes(10);
    private final SsoConfig config;
    private final SsoRepository repository;
    private final AuthService auth;
    private final AuditService audit;
    private final Organisation organisation;
    private final UserService users;
    private final Clock clock;

    SsoService(SsoConfig config, SsoRepository repository, AuthService auth, AuditService audit,
               Organisation organisation, UserService users, Clock clock) {
        this.users = users;
        this.config = config;
        this.repository = repository;
        this.auth = auth;
        this.audit = audit;
        this.organisation = organisation;
        this.clock = clock;
    }

    public SsoConfig config() {
        return config;
    }

    /**
     * The person as the provider's validated ID token says.
     *
     * @param subject       stable: Entra ID's tenant and object id, else the issuer and {@code sub}
     * @param roles         the values of the role claim
     * @param groups        the values of the unit claim
     * @param groupsOverage the provider left the groups out (more than it sends) and pointed elsewhere
     */
    public record Identity(String subject, String sub, Optional<String> name, Optional<String> login,
                           Optional<String> email, boolean emailVerified, List<String> roles, List<String> groups,
                           boolean groupsOverage) {}

    /** Keeps a sign-in sent to the provider; {@code browser} is the value of the cookie set on this browser. */
    public void begin(String state, String browser, String nonce, String verifier, String next) {
        repository.begin(new SsoRepository.Pending(state, Tokens.hash(browser), nonce, verifier, next,
                clock.instant()));
    }

    /** The sign-in this state began, if it is this browser's and still fresh; taken (a second use finds nothing). */
    public Optional<SsoRepository.Pending> take(String state, String browser) {
        if (state == null || state.isBlank() || state.length() > 200 || browser == null || browser.length() > 200) {
            return Optional.empty();
        }
        return repository.take(state).filter(p -> java.security.MessageDigest.isEqual(p.browserHash().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), Tokens.hash(browser).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII))).filter(p -> p.createdAt().plus(PENDING)
                .isAfter(clock.instant()));
    }

    /** A refusal before there is anyone to sign in (bad state, bad token, provider down): audited, in words. */
    public void refused(String reason, Optional<String> subject, String address) {
        audit.failedSignIn(subject.orElse("(regionens konto)"), address, "regionens konto: " + reason);
    }

    /**
     * Signs the person in: their user (found, linked or made), role and units from the claims, a new session.
     * {@link TertialException.Forbidden} with a Swedish message (and an audit event) when the claims give no role,
     * the groups were left out, or the user is deactivated in tertial.
     */
    public AuthService.SignedIn signIn(Identity id, String address) {
        if (id.groupsOverage()) {
            throw refuse(id, address, "för många grupper", PageText.SSO_GROUPS_OVERAGE);
        }
        Optional<UserRole> role = role(id.roles());
        if (role.isEmpty()) {
            throw refuse(id, address, "ingen roll i anspråken", PageText.ssoNoRole(config.label()));
        }
        Set<UnitCode> units = units(id.groups());
        Optional<User> found = repository.bySubject(id.subject());
        if (found.isEmpty()) {
            found = repository.unlinked(id.login().orElse(null), config.linkByEmail() && id.emailVerified()
                    ? id.email().orElse(null) : null);
        }
        User user;
        if (found.isPresent()) {
            if (!found.get().active()) {
                throw refuse(id, address, "inaktiverad i tertial", PageText.SSO_DEACTIVATED);
            }
            User before = found.get();
            user = repository.apply(before, id.subject(), role.get(), units, shortName(id.name()),
                    id.emailVerified() ? id.email().filter(e -> e.length() <= 254).orElse(null) : null);
            if (before.role() != user.role() || !before.sso().claimUnits().equals(user.sso().claimUnits())) {
                audit.record(audit.event(Actor.web(user, address), AuditKind.USER_CHANGED).detail(
                        se.tertial.spec.ApiText.userChangedDetail(user.name(), words(before), words(user))
                                + " (regionens konto)"));
            }
        } else {
            user = create(id, role.get(), units);
            audit.record(audit.event(Actor.web(user, address), AuditKind.USER_CREATED).detail(user.name() + " ("
                    + words(user) + ", regionens konto)"));
        }
        audit.record(audit.event(Actor.web(user, address), AuditKind.SIGN_IN).detail("regionens konto, "
                + id.subject()));
        return auth.openFor(user);
    }

    private TertialException.Forbidden refuse(Identity id, String address, String reason, String message) {
        refused(reason, Optional.of(id.subject()), address);
        return new TertialException.Forbidden(message);
    }

    /**
     * The sign-in name the administrator expects a user to come with from the region's account (e.g. their UPN), so
     * that their first sign-in that way links to this user; blank removes it. Audited.
     */
    public User setLogin(Actor actor, String userName, String login) {
        User user = users.require(userName);
        String value = login == null || login.isBlank() ? null : login.strip();
        if (value != null && (value.length() > 200 || !value.matches("[^\\s<>\"]+"))) {
            throw new TertialException.Invalid(PageText.ssoLoginInvalid(value.length() > 60
                    ? value.substring(0, 60) : value));
        }
        repository.setLogin(user, value);
        audit.record(audit.event(actor, AuditKind.USER_CHANGED).detail(user.name() + ": inloggningsnamn hos "
                + "regionens konto " + (value == null ? "borttaget" : value)));
        return users.require(userName);
    }

    /** The highest role any claim value gives: admin before finance before controller. */
    Optional<UserRole> role(List<String> values) {
        Optional<UserRole> best = Optional.empty();
        for (String v : values) {
            UserRole r = config.roleMap().get(v.strip().toLowerCase(Locale.ROOT));
            if (r != null && (best.isEmpty() || rank(r) > rank(best.get()))) {
                best = Optional.of(r);
            }
        }
        return best;
    }

    private static int rank(UserRole r) {
        return switch (r) {
            case ADMIN -> 3;
            case FINANCE -> 2;
            case CONTROLLER -> 1;
        };
    }

    /** The units named by the groups that match the pattern; a code the organisation does not have is left out. */
    Set<UnitCode> units(List<String> groups) {
        Set<UnitCode> out = new LinkedHashSet<>();
        for (String g : groups) {
            Matcher m = config.unitPattern().matcher(g);
            if (m.matches() && m.group(1) != null) {
                organisation.unit(m.group(1)).ifPresent(u -> out.add(u.code()));
            }
        }
        return out;
    }

    /** A person new to tertial: named by their sign-in name (or e-mail), made unique when it is taken. */
    private User create(Identity id, UserRole role, Set<UnitCode> units) {
        String base = id.login().or(id::email).orElse("sso-" + Integer.toHexString(id.subject().hashCode()))
                .replaceAll("[^A-Za-z0-9._@-]", "").toLowerCase(Locale.ROOT);
        if (base.isEmpty()) {
            base = "sso-" + Integer.toHexString(id.subject().hashCode());
        }
        base = base.length() > 58 ? base.substring(0, 58) : base;
        Instant now = clock.instant();
        for (int i = 1; i < 1000; i++) {
            String name = i == 1 ? base : base + "-" + i;
            Optional<User> made = repository.create(name, id.subject(), role, units,
                    id.emailVerified() ? id.email().filter(e -> e.length() <= 254).orElse(null) : null,
                    shortName(id.name()), now);
            if (made.isPresent()) {
                return made.get();
            }
        }
        throw new IllegalStateException("no free user name for " + base);
    }

    /** The provider's name for the person, as plain text of at most 100 characters. */
    private static String shortName(Optional<String> name) {
        return name.map(n -> se.tertial.spec.PlainText.name(n).strip()).filter(n -> !n.isEmpty())
                .map(n -> n.length() > 100 ? n.substring(0, 100) : n).orElse(null);
    }

    private static String words(User u) {
        return se.tertial.spec.CommonText.roleName(u.role().dbValue()) + (u.units().isEmpty() ? "" : ": "
                + String.join(", ", u.units().stream().map(UnitCode::value).sorted().toList()));
    }
}
