package se.tertial.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider the protocol tests control: discovery, an authorization endpoint that signs the configured
 * person in at once (sending the browser back with a code), a token endpoint that checks the client's secret, the
 * PKCE verifier and that a code is used once, and the keys. Knobs make it misbehave the ways a token can be wrong:
 * another issuer or audience, expired, signed by a key it does not publish, another nonce. For the browser journey
 * the certified provider (npm oidc-provider) is used instead.
 */
public final class FakeProvider implements AutoCloseable {
    public static final String CLIENT_ID = "tertial-test";
    public static final String SECRET = "hemlig-klienthemlighet";
    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    /** The claims of whoever signs in next (besides iss, aud, sub, exp, iat, nonce). */
    public volatile Map<String, Object> claims = new HashMap<>();
    public volatile String subject = "person-1";
    public volatile String issuerOverride;
    public volatile String audienceOverride;
    public volatile boolean expired;
    public volatile boolean signWithOtherKey;
    public volatile String nonceOverride;

    public FakeProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("nyckel-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("nyckel-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", ex -> send(ex, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/logout", ex -> send(ex, 200, "text/html", "<p>utloggad</p>"));
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops answering: the provider is down. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange ex) throws IOException {
        String i = issuer();
        send(ex, 200, "application/json", "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i
                + "/authorize\",\"token_endpoint\":\"" + i + "/token\",\"jwks_uri\":\"" + i + "/jwks\","
                + "\"end_session_endpoint\":\"" + i + "/logout\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, q);
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        send(ex, 302, "text/plain", "");
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> asked = codes.remove(form.getOrDefault("code", ""));
        if (asked == null || !challenge(form.getOrDefault("code_verifier", "")).equals(asked.get("code_challenge"))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                    .issuer(issuerOverride != null ? issuerOverride : issuer())
                    .audience(audienceOverride != null ? audienceOverride : CLIENT_ID).subject(subject)
                    .issueTime(Date.from(now.minusSeconds(expired ? 3600 : 0)))
                    .expirationTime(Date.from(expired ? now.minusSeconds(600) : now.plusSeconds(300)))
                    .claim("nonce", nonceOverride != null ? nonceOverride : asked.get("nonce"));
            claims.forEach(b::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nyckel-1")
                    .type(JOSEObjectType.JWT).build(), b.build());
            jwt.sign(new RSASSASigner(signWithOtherKey ? otherKey : key));
            send(ex, 200, "application/json", "{\"access_token\":\"at-" + UUID.randomUUID()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (Exception e) {
            send(ex, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    /** The configuration of tertial's client at this provider, passwords for everyone. */
    public se.tertial.app.SsoConfig config(String passwordSignIn) {
        return se.tertial.app.SsoConfig.of(issuer(), CLIENT_ID, SECRET, "openid profile email", "roles",
                "admin=admin,finance=finance,controller=controller", "groups", "tertial-enhet-(.+)", "regionens konto",
                passwordSignIn, true);
    }
}
