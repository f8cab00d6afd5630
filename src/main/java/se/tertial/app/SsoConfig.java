package se.tertial.app;

import se.tertial.store.UserRole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sign-in with the region's accounts (OpenID Connect): the provider (found by discovery from its issuer), tertial's
 * client there, and how the person's claims become a role and units. Off when no issuer is given.
 *
 * @param issuer        the provider, e.g. {@code https://login.microsoftonline.com/<tenant>/v2.0}
 * @param secret        the client secret (from the environment or a file, never a flag value)
 * @param scopes        asked for, {@code openid profile email} by default
 * @param roleClaim     the claim whose values give the role ({@code roles}: Entra ID's app roles)
 * @param roleMap       claim value (lower case) → role
 * @param unitClaim     the claim whose values may name units ({@code groups})
 * @param unitPattern   a unit's value in that claim; its first group is the unit code
 * @param label         how the sign-in button names the region's account ("Logga in med …")
 * @param passwordsForAll whether everyone may still sign in with a password, or only administrators (break-glass)
 * @param linkByEmail   whether an existing user is linked at first sign-in by a verified e-mail claim
 */
public record SsoConfig(Optional<String> issuer, String clientId, String secret, List<String> scopes,
                        String roleClaim, Map<String, UserRole> roleMap, String unitClaim, Pattern unitPattern,
                        String label, boolean passwordsForAll, boolean linkByEmail) {
    public static final SsoConfig OFF = new SsoConfig(Optional.empty(), "", "", List.of("openid"), "roles",
            Map.of(), "groups", Pattern.compile("tertial-enhet-(.+)"), "regionens konto", true, false);

    public SsoConfig {
        scopes = List.copyOf(scopes);
        roleMap = Map.copyOf(roleMap);
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    /**
     * From the serve command's settings; {@link TertialException.Invalid} naming the setting that is wrong.
     * {@code roleMap} as "admin=admin,finance=finance,controller=controller" (claim value = role).
     */
    public static SsoConfig of(String issuer, String clientId, String secret, String scopes, String roleClaim,
                               String roleMap, String unitClaim, String unitPattern, String label,
                               String passwordSignIn, boolean linkByEmail) {
        if (issuer == null || issuer.isBlank()) {
            return OFF;
        }
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--oidc-issuer", issuer));
        }
        if (clientId == null || clientId.isBlank()) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.ssoMissing("--oidc-client-id"));
        }
        if (secret == null || secret.isBlank()) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.ssoMissing(
                    "TERTIAL_OIDC_CLIENT_SECRET / --oidc-client-secret-file"));
        }
        Map<String, UserRole> roles = new LinkedHashMap<>();
        for (String pair : roleMap.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--oidc-role-map", roleMap));
            }
            try {
                roles.put(kv[0].strip().toLowerCase(Locale.ROOT), UserRole.parse(kv[1].strip()));
            } catch (IllegalArgumentException e) {
                throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--oidc-role-map", roleMap));
            }
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(unitPattern);
        } catch (PatternSyntaxException e) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--oidc-unit-pattern",
                    unitPattern));
        }
        if (pattern.matcher("").groupCount() < 1) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--oidc-unit-pattern",
                    unitPattern));
        }
        if (!passwordSignIn.equals("all") && !passwordSignIn.equals("admin-only")) {
            throw new TertialException.Invalid(se.tertial.spec.CliText.invalidLimit("--password-sign-in",
                    passwordSignIn));
        }
        return new SsoConfig(Optional.of(issuer.strip()), clientId.strip(), secret.strip(),
                List.of(scopes.strip().split("\\s+")), roleClaim.strip(), roles, unitClaim.strip(), pattern,
                label.strip(), passwordSignIn.equals("all"), linkByEmail);
    }
}
