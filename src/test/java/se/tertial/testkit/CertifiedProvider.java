package se.tertial.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The OpenID Certified provider npm oidc-provider (src/test/node/oidc-provider.mjs), run on the machine's Node.js
 * for the browser journey: one client for tertial, accounts anna (controller, group of FS-MED), erik (finance) and
 * gustav (no role); its own sign-in form (any password) and consent page; RP-initiated logout.
 */
public final class CertifiedProvider implements AutoCloseable {
    public static final String CLIENT_ID = "tertial";
    public static final String SECRET = "tertials-hemlighet-hos-leverantoren";
    private final Process process;
    public final int port;

    public CertifiedProvider(String tertialBase) throws Exception {
        port = TestServer.freePort();
        process = new ProcessBuilder("node", "src/test/node/oidc-provider.mjs", Integer.toString(port), tertialBase)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("oidc-provider did not start");
            }
        }
        if (line == null) {
            throw new IllegalStateException("oidc-provider stopped before it was ready");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // its warnings about development settings
                }
            } catch (java.io.IOException ignored) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    public se.tertial.app.SsoConfig config() {
        return se.tertial.app.SsoConfig.of(issuer(), CLIENT_ID, SECRET, "openid profile email", "roles",
                "admin=admin,finance=finance,controller=controller", "groups", "tertial-enhet-(.+)", "regionens konto",
                "all", false);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
