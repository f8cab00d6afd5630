package se.tertial.cli;

import picocli.CommandLine.Option;
import se.tertial.app.SsoConfig;
import se.tertial.app.TertialException;
import se.tertial.spec.CliText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The serve command's settings for sign-in with the region's accounts (OpenID Connect). The client secret comes from
 * the environment or a file, never from a flag value that {@code ps} would show.
 */
final class SsoOptions {
    @Option(names = "--oidc-issuer", defaultValue = "${env:TERTIAL_OIDC_ISSUER}",
            description = "Regionens inloggning (OpenID Connect), t.ex. https://login.microsoftonline.com/<tenant>/v2.0; "
                    + "utan den ingen inloggning med regionens konto (env TERTIAL_OIDC_ISSUER).")
    String issuer;

    @Option(names = "--oidc-client-id", defaultValue = "${env:TERTIAL_OIDC_CLIENT_ID}",
            description = "tertials klient-id hos inloggningen (env TERTIAL_OIDC_CLIENT_ID).")
    String clientId;

    @Option(names = "--oidc-client-secret-file", paramLabel = "FIL",
            description = "Fil med klienthemligheten (annars env TERTIAL_OIDC_CLIENT_SECRET).")
    Path secretFile;

    @Option(names = "--oidc-scopes", defaultValue = "${env:TERTIAL_OIDC_SCOPES:-openid profile email}",
            description = "Omfång som begärs (standard: ${DEFAULT-VALUE}).")
    String scopes;

    @Option(names = "--oidc-role-claim", defaultValue = "${env:TERTIAL_OIDC_ROLE_CLAIM:-roles}",
            description = "Anspråket vars värden ger rollen (standard: ${DEFAULT-VALUE}, Entra ID:s approller).")
    String roleClaim;

    @Option(names = "--oidc-role-map", defaultValue =
            "${env:TERTIAL_OIDC_ROLE_MAP:-admin=admin,finance=finance,controller=controller}",
            description = "Värde=roll, kommaseparerat (standard: ${DEFAULT-VALUE}); värden jämförs utan hänsyn till "
                    + "versaler.")
    String roleMap;

    @Option(names = "--oidc-unit-claim", defaultValue = "${env:TERTIAL_OIDC_UNIT_CLAIM:-groups}",
            description = "Anspråket vars värden kan ange enheter (standard: ${DEFAULT-VALUE}).")
    String unitClaim;

    @Option(names = "--oidc-unit-pattern", defaultValue = "${env:TERTIAL_OIDC_UNIT_PATTERN:-tertial-enhet-(.+)}",
            description = "Ett värde som anger en enhet; första gruppen är enhetskoden (standard: ${DEFAULT-VALUE}).")
    String unitPattern;

    @Option(names = "--oidc-label", defaultValue = "${env:TERTIAL_OIDC_LABEL:-regionens konto}",
            description = "Knappens text: \"Logga in med …\" (standard: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--oidc-link-by-email", defaultValue = "${env:TERTIAL_OIDC_LINK_BY_EMAIL:-false}",
            description = "Koppla en befintlig användare vid första inloggningen via ett verifierat e-postanspråk.")
    boolean linkByEmail;

    @Option(names = "--password-sign-in", defaultValue = "${env:TERTIAL_PASSWORD_SIGN_IN:-all}",
            description = "Vem som får logga in med lösenord när regionens konto används: all eller admin-only "
                    + "(standard: ${DEFAULT-VALUE}).")
    String passwordSignIn;

    SsoConfig config() {
        String secret = System.getenv("TERTIAL_OIDC_CLIENT_SECRET");
        if (secretFile != null) {
            try {
                secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new TertialException.Invalid(CliText.invalidLimit("--oidc-client-secret-file",
                        secretFile.toString()));
            }
        }
        return SsoConfig.of(issuer, clientId, secret, scopes, roleClaim, roleMap, unitClaim, unitPattern, label,
                passwordSignIn, linkByEmail);
    }
}
