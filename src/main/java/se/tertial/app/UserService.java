package se.tertial.app;

import se.tertial.spec.Messages;
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

    public UserService(UserRepository users, Organisation organisation, Clock clock) {
        this.users = users;
        this.organisation = organisation;
        this.clock = clock;
    }

    public Optional<User> authenticate(String token) {
        return token == null || token.isBlank() ? Optional.empty() : users.byToken(token.strip());
    }

    /** Creates a user and returns the token, which is shown this once. */
    public UserRepository.Created add(String name, String role, List<String> unitCodes) {
        if (name == null || name.isBlank()) {
            throw new TertialException.Invalid(Messages.missingField("name"));
        }
        UserRole r;
        try {
            r = UserRole.parse(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new TertialException.Invalid(Messages.invalidRole(role));
        }
        Set<UnitCode> units = new LinkedHashSet<>();
        for (String code : unitCodes) {
            units.add(organisation.unit(code.strip())
                    .orElseThrow(() -> new TertialException.Invalid(Messages.unknownUnit(code.strip()))).code());
        }
        if (r == UserRole.CONTROLLER && units.isEmpty()) {
            throw new TertialException.Invalid(Messages.CONTROLLER_NEEDS_UNITS);
        }
        if (r != UserRole.CONTROLLER && !units.isEmpty()) {
            throw new TertialException.Invalid(Messages.ONLY_CONTROLLERS_HAVE_UNITS);
        }
        return users.add(name.strip(), r, units, clock.instant())
                .orElseThrow(() -> new TertialException.Conflict(Messages.userExists(name.strip())));
    }

    public List<User> list() {
        return users.list();
    }

    /**
     * On the very first start (no users at all) creates the admin and writes its token to a file only the owner can
     * read; returns the token so it can be printed once.
     */
    public Optional<String> bootstrapAdmin(Path dataDir) {
        Optional<UserRepository.Created> created = users.bootstrapAdmin("admin", clock.instant());
        created.ifPresent(c -> writeOwnerOnly(dataDir.resolve(ADMIN_TOKEN_FILE), c.token() + "\n"));
        return created.map(UserRepository.Created::token);
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
