package se.tertial.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.SsoConfig;
import se.tertial.app.SsoService;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID Connect protocol with the region's provider, done by Nimbus: discovery from the issuer (kept an hour),
 * the authorization request with PKCE (S256), state and nonce, the code exchanged with the client secret, and the
 * ID token validated — signature against the provider's keys (fetched again on an unknown key id), issuer, audience,
 * expiry with a minute's skew, nonce. Every call to the provider has short timeouts, so a provider that is down
 * answers within seconds. No token is kept or logged; only the claims leave this class.
 */
public final class OidcClient {
    private static final Logger LOG = LoggerFactory.getLogger(OidcClient.class);
    private static final int CONNECT_MS = 3000;
    private static final int READ_MS = 4000;
    private static final Duration METADATA_TTL = Duration.ofHours(1);
    private final SsoConfig config;
    private final URI redirect;
    private volatile Provider provider;

    /** Discovered metadata and the validator built on its keys. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant until) {}

    /** Why a sign-in failed, in a few kinds the page and the audit log name in words. */
    public static final class Failure extends Exception {
        public enum Kind { PROVIDER_DOWN, CODE_REFUSED, TOKEN_INVALID }

        private final Kind kind;

        Failure(Kind kind, String detail, Throwable cause) {
            super(detail, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** @param redirect the address the provider sends the browser back to: {@code <public url>/logga-in/oidc} */
    public OidcClient(SsoConfig config, URI redirect) {
        this.config = config;
        this.redirect = redirect;
    }

    /** A sign-in about to go to the provider: where to send the browser, and what to keep until it comes back. */
    public record Start(URI authorize, String state, String nonce, String verifier) {}

    public Start start() throws Failure {
        OIDCProviderMetadata m = provider().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(config.scopes().toArray(String[]::new)), new ClientID(config.clientId()), redirect)
                .endpointURI(m.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        return new Start(request.toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /** Exchanges the code and validates the ID token; the person as the claims say. */
    public SsoService.Identity finish(String code, String nonce, String verifier) throws Failure {
        Provider p = provider();
        TokenRequest request = new TokenRequest(p.metadata().getTokenEndpointURI(), new ClientSecretBasic(
                new ClientID(config.clientId()), new Secret(config.secret())), new AuthorizationCodeGrant(
                new AuthorizationCode(code), redirect, new CodeVerifier(verifier)));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_MS);
            http.setReadTimeout(READ_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (java.io.IOException e) {
            throw new Failure(Failure.Kind.PROVIDER_DOWN, "token endpoint: " + e.getMessage(), e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Failure(Failure.Kind.CODE_REFUSED, "token response: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new Failure(Failure.Kind.CODE_REFUSED, "token endpoint: "
                    + response.toErrorResponse().getErrorObject().getCode(), null);
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        JWTClaimsSet claims;
        try {
            claims = p.validator().validate(idToken, new Nonce(nonce)).toJWTClaimsSet();
        } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException
                 | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Failure(Failure.Kind.TOKEN_INVALID, e.getMessage(), e);
        }
        return identity(claims);
    }

    /** The person as the validated claims say: subject (Entra ID: tenant and object id), names, role and groups. */
    SsoService.Identity identity(JWTClaimsSet claims) {
        Map<String, Object> all = claims.getClaims();
        String tid = string(all.get("tid"));
        String oid = string(all.get("oid"));
        String subject = tid != null && oid != null ? "entra:" + tid + "/" + oid
                : claims.getIssuer() + "|" + claims.getSubject();
        boolean overage = all.get("_claim_names") instanceof Map<?, ?> names && names.containsKey(config.unitClaim());
        Object verified = all.get("email_verified");
        return new SsoService.Identity(subject, claims.getSubject(), Optional.ofNullable(string(all.get("name"))),
                Optional.ofNullable(string(all.get("preferred_username"))),
                Optional.ofNullable(string(all.get("email"))),
                Boolean.TRUE.equals(verified) || "true".equals(verified), values(all.get(config.roleClaim())),
                values(all.get(config.unitClaim())), overage);
    }

    private static String string(Object v) {
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> values(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * Where the browser goes to end the provider's session too (RP-initiated logout, with our client id and where to
     * come back), when the provider has an end-session endpoint and can be reached.
     */
    public Optional<URI> logout(URI afterwards) {
        try {
            URI end = provider().metadata().getEndSessionEndpointURI();
            if (end == null) {
                return Optional.empty();
            }
            return Optional.of(new com.nimbusds.openid.connect.sdk.LogoutRequest(end, null, null,
                    new ClientID(config.clientId()), afterwards, null, null).toURI());
        } catch (Failure e) {
            return Optional.empty();
        }
    }

    private Provider provider() throws Failure {
        Provider p = provider;
        if (p != null && Instant.now().isBefore(p.until())) {
            return p;
        }
        synchronized (this) {
            if (provider != null && Instant.now().isBefore(provider.until())) {
                return provider;
            }
            try {
                OIDCProviderMetadata m = OIDCProviderMetadata.resolve(new Issuer(config.issuer().orElseThrow()),
                        CONNECT_MS, READ_MS);
                JWSAlgorithm alg = m.getIDTokenJWSAlgs() == null || m.getIDTokenJWSAlgs().isEmpty()
                        ? JWSAlgorithm.RS256 : m.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256
                        : m.getIDTokenJWSAlgs().get(0);
                IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), new ClientID(config.clientId()),
                        alg, m.getJWKSetURI().toURL(), new DefaultResourceRetriever(CONNECT_MS, READ_MS, 512 * 1024));
                validator.setMaxClockSkew(60);
                provider = new Provider(m, validator, Instant.now().plus(METADATA_TTL));
                return provider;
            } catch (java.io.IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                LOG.warn("sign-in provider {} cannot be reached: {}", config.issuer().orElse(""), e.toString());
                throw new Failure(Failure.Kind.PROVIDER_DOWN, "discovery: " + e.getMessage(), e);
            }
        }
    }
}
