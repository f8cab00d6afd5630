package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.CommonText;
import se.tertial.spec.Organisation;
import se.tertial.spec.UnitCode;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import se.tertial.store.UserRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users, roles and bearer tokens. */
public final class UserService {
    public static final String ADMIN_TOKEN_FILE = "admin-token.txt";
    private final UserRepository users;
    private final Organisation organisation;
    private final Clock clock;

    /** A plain address: something@domain.tld, no blanks, no angle brackets or commas (no header injection). */
    static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private final AuditService audit;

    public UserService(UserRepository users, Organisation organisation, AuditService audit, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** User names: letters, digits and . _ - @, at most 64; no spaces, control or direction characters. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
    /** Key names, shown in lists: letters, digits, spaces and a little punctuation, at most 64. */
    static final java.util.regex.Pattern KEY_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/()-]{0,63}");
    /** Bearer keys are "tt_" and 43 base64url characters; anything longer is not even looked up. */
    static final int MAX_TOKEN_CHARS = 100;

    public Optional<User> authenticate(String token) {
        return authenticateKey(token).map(UserRepository.KeyUser::user);
    }

    /** The user and the name of the key presented. */
    public Optional<UserRepository.KeyUser> authenticateKey(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        return users.byTokenWithKey(token.strip(), clock.instant());
    }

    // --- the same actions by an actor, audited ---

    public UserRepository.Created add(Actor actor, String name, String role, List<String> unitCodes) {
        UserRepository.Created created = add(name, role, unitCodes);
        audit.record(audit.event(actor, AuditKind.USER_CREATED).detail(created.user().name() + " ("
                + CommonText.roleName(created.user().role().dbValue()) + unitsText(created.user().units()) + ")"));
        return created;
    }

    public UserRepository.NewKey addKey(Actor actor, String userName, String keyName) {
        UserRepository.NewKey key = addKey(userName, keyName);
        audit.record(audit.event(actor, AuditKind.KEY_CREATED).detail(userName + ": " + keyName(keyName)));
        return key;
    }

    public UserRepository.NewKey rotateKey(Actor actor, String userName, String keyName) {
        UserRepository.NewKey key = rotateKey(userName, keyName);
        audit.record(audit.event(actor, AuditKind.KEY_REVOKED).detail(userName + ": alla tidigare nycklar"));
        audit.record(audit.event(actor, AuditKind.KEY_CREATED).detail(userName + ": " + keyName(keyName)));
        return key;
    }

    public void revokeKey(Actor actor, String userName, long keyId) {
        revokeKey(userName, keyId);
        audit.record(audit.event(actor, AuditKind.KEY_REVOKED).detail(userName + ": nyckel " + keyId));
    }

    public void setActive(Actor actor, String userName, boolean active) {
        setActive(userName, active);
        audit.record(audit.event(actor, active ? AuditKind.USER_CHANGED : AuditKind.USER_DEACTIVATED)
                .detail(userName + (active ? ": aktiverad" : "")));
    }

    /** Sets a user's e-mail address (blank: none) and, for finance, whether they hear of submissions. */
    public User setEmail(Actor actor, String userName, String email, boolean notifySubmissions) {
        User user = require(userName);
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw new TertialException.Invalid(ApiText.invalidEmail(address));
        }
        users.setEmail(user, address, notifySubmissions && user.seesAllUnits());
        audit.record(audit.event(actor, AuditKind.USER_CHANGED).detail(userName + ": e-post "
                + (address == null ? "borttagen" : address)));
        return require(userName);
    }

    /** Creates a user and returns the token, which is shown this once. */
    public UserRepository.Created add(String name, String role, List<String> unitCodes) {
        String n = checkedName(name);
        UserRole r = role(role);
        Set<UnitCode> units = units(r, unitCodes);
        return users.add(n, r, units, clock.instant())
                .orElseThrow(() -> new TertialException.Conflict(ApiText.userExists(n)));
    }

    /**
     * Creates a person from the administrator's page: no key (people sign in with a password; a key for scripts is
     * made only when asked for), audited.
     */
    public User addPerson(Actor actor, String name, String role, List<String> unitCodes) {
        String n = checkedName(name);
        UserRole r = role(role);
        Set<UnitCode> units = units(r, unitCodes);
        User user = users.addWithoutKey(n, r, units, clock.instant())
                .orElseThrow(() -> new TertialException.Conflict(ApiText.userExists(n)));
        audit.record(audit.event(actor, AuditKind.USER_CREATED).detail(n + " (" + CommonText.roleName(r.dbValue())
                + unitsText(units) + ")"));
        return user;
    }

    /**
     * Changes a user's role and units at once (a controller's units take effect on their next request: sessions
     * read the user afresh), audited with the before and after.
     */
    public User change(Actor actor, String userName, String role, List<String> unitCodes) {
        User user = require(userName);
        UserRole r = role(role);
        Set<UnitCode> units = units(r, unitCodes);
        if (r == user.role() && units.equals(user.assignedUnits())) {
            return user;
        }
        users.setRoleAndUnits(user, r, units);
        audit.record(audit.event(actor, AuditKind.USER_CHANGED).detail(ApiText.userChangedDetail(user.name(),
                CommonText.roleName(user.role().dbValue()) + unitsText(user.assignedUnits()),
                CommonText.roleName(r.dbValue()) + unitsText(units))));
        return require(userName);
    }

    private static String unitsText(Set<UnitCode> units) {
        return units.isEmpty() ? "" : ": " + String.join(", ", units.stream().map(UnitCode::value).sorted().toList());
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new TertialException.Invalid(ApiText.missingField("name"));
        }
        if (!NAME.matcher(name.strip()).matches()) {
            throw new TertialException.Invalid(ApiText.invalidUserName());
        }
        return name.strip();
    }

    private static UserRole role(String role) {
        try {
            return UserRole.parse(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new TertialException.Invalid(ApiText.invalidRole(role));
        }
    }

    private Set<UnitCode> units(UserRole r, List<String> unitCodes) {
        if (unitCodes.size() > 1_000) {
            throw new TertialException.Invalid(ApiText.tooManyUnits(1_000));
        }
        Set<UnitCode> units = new LinkedHashSet<>();
        for (String code : unitCodes) {
            units.add(organisation.unit(code.strip())
                    .orElseThrow(() -> new TertialException.Invalid(ApiText.unknownUnit(code.strip()))).code());
        }
        if (r == UserRole.CONTROLLER && units.isEmpty()) {
            throw new TertialException.Invalid(ApiText.CONTROLLER_NEEDS_UNITS);
        }
        if (r != UserRole.CONTROLLER && !units.isEmpty()) {
            throw new TertialException.Invalid(ApiText.ONLY_CONTROLLERS_HAVE_UNITS);
        }
        return units;
    }

    public List<User> list() {
        return users.list();
    }

    public User require(String name) {
        return users.byName(name == null ? "" : name)
                .orElseThrow(() -> new TertialException.NotFound(ApiText.userNotFound(name)));
    }

    public List<se.tertial.store.ApiKey> keys(String userName) {
        return users.keys(require(userName));
    }

    /** Another key for the user (a script of theirs), shown this once. */
    public UserRepository.NewKey addKey(String userName, String keyName) {
        return users.addKey(require(userName), keyName(keyName), clock.instant());
    }

    /** Revokes every key of the user and issues one new key, shown this once. */
    public UserRepository.NewKey rotateKey(String userName, String keyName) {
        return users.rotate(require(userName), keyName(keyName), clock.instant());
    }

    /** Deactivates or reactivates a user: a deactivated user's sessions end and keys stop working at once. */
    public void setActive(String userName, boolean active) {
        users.setActive(require(userName), active);
    }

    public void revokeKey(String userName, long keyId) {
        if (!users.revokeKey(require(userName), keyId, clock.instant())) {
            throw new TertialException.NotFound(ApiText.keyNotFound(userName, keyId));
        }
    }

    private static String keyName(String name) {
        String n = name == null || name.isBlank() ? "ny nyckel" : name.strip();
        if (!KEY_NAME.matcher(n).matches()) {
            throw new TertialException.Invalid(ApiText.invalidKeyName());
        }
        return n;
    }

    /**
     * On the very first start (no users at all) creates the admin and writes its token to a file only the owner can
     * read; returns the token so it can be printed once.
     */
    public Optional<UserRepository.Created> bootstrapAdmin(Path dataDir) {
        Optional<UserRepository.Created> created = users.bootstrapAdmin("admin", clock.instant());
        created.ifPresent(c -> writeOwnerOnly(dataDir.resolve(ADMIN_TOKEN_FILE), c.token() + "\n"));
        return created;
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            try {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
