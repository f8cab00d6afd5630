package se.tertial.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.Tertial;
import se.tertial.http.Extension;
import se.tertial.http.PublicRoot;
import se.tertial.http.RateLimiter;
import se.tertial.spec.ApiText;
import se.tertial.spec.LogText;
import se.tertial.store.UserRepository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The read-only OData v4 feed at {@code /odata/} that Excel's Power Query reads, refreshes and filters. A request
 * carries an API key — as the password of Basic authentication (any user name), as {@code ?nyckel=} (Power Query's
 * "Web API"), or as a bearer token — and sees what the key's user may see. Olingo parses the address and writes
 * the service document, {@code $metadata} (CSDL XML) and the JSON; {@link FeedProcessor} answers from the store.
 */
public final class FeedHttp implements Extension {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHttp.class);
    /** The query parameter Power Query's "Web API" key goes in. */
    static final String KEY_PARAMETER = "nyckel";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tertial app;
    private final RateLimiter failedKeys;

    /** The feed's routes: its own guard (the key) is checked in the handler. */
    enum FeedRole implements RouteRole { KEY }

    public FeedHttp(Tertial app) {
        this.app = app;
        this.failedKeys = new RateLimiter(app.config().limits().failedKeysPerMinute(), java.time.Clock.systemUTC());
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/odata", this::serve, FeedRole.KEY);
        config.routes.get("/odata/*", this::serve, FeedRole.KEY);
    }

    @Override
    public boolean owns(Context ctx) {
        return ctx.path().equals("/odata") || ctx.path().startsWith("/odata/");
    }

    @Override
    public void renderError(Context ctx, int status, String message) {
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"tertial\"");
        }
        ctx.status(status).header("OData-Version", "4.0").contentType("application/json;odata.metadata=minimal")
                .result(errorBody(status, message).getBytes(StandardCharsets.UTF_8));
    }

    static String errorBody(int status, String message) {
        try {
            return JSON.writeValueAsString(Map.of("error", Map.of("code", Integer.toString(status),
                    "message", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(Context ctx) {
        String address = ctx.ip();
        Optional<String> presented = key(ctx);
        Optional<UserRepository.KeyUser> key = presented.flatMap(k -> app.users().authenticateKey(k));
        if (key.isEmpty() || !key.get().user().active()) {
            // Only failures are limited: a valid key behind the same address always passes.
            OptionalLong wait = presented.isPresent() ? failedKeys.peek(address) : OptionalLong.empty();
            if (wait.isPresent()) {
                ctx.header("Retry-After", Long.toString(wait.getAsLong()));
                renderError(ctx, 429, ApiText.tooManyRequests(wait.getAsLong()));
                return;
            }
            if (presented.isPresent()) {
                LOG.warn("feed: unknown or revoked key from {}", LogText.safe(address));
                failedKeys.take(address);
            }
            renderError(ctx, 401, ApiText.feedUnauthorized());
            return;
        }
        String refusal = bounded(ctx.queryString());
        if (refusal != null) {
            renderError(ctx, 400, refusal);
            return;
        }
        app.feed().noteRead(key.get(), address);
        String root = serviceRoot(ctx);
        OData odata = OData.newInstance();
        ODataHttpHandler handler = odata.createHandler(odata.createServiceMetadata(new FeedEdm(), List.of()));
        handler.setSplit(1);
        handler.register(new FeedProcessor(app.feed(), key.get().user(), root,
                app.config().limits().feedPageRows()));
        handler.register(new FeedErrors());
        // Javalin's default text/plain must not stand beside the type Olingo sets.
        ctx.res().setContentType(null);
        handler.process(new PublicAddress(ctx.req(), root), ctx.res());
    }

    /** At most this much query; a filter nested at most this deep — bounded work before any parser runs. */
    static final int MAX_QUERY = 4000;
    static final int MAX_DEPTH = 40;

    /** Why a query is refused before it is parsed (too long, nested too deep), or null. */
    static String bounded(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        if (rawQuery.length() > MAX_QUERY) {
            return ApiText.feedQueryTooLong(Integer.toString(MAX_QUERY));
        }
        String q;
        try {
            q = java.net.URLDecoder.decode(rawQuery.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ApiText.feedBadRequest();
        }
        int depth = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '(' && ++depth > MAX_DEPTH) {
                return ApiText.feedQueryTooDeep(Integer.toString(MAX_DEPTH));
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return null;
    }

    /** The key from Basic authentication's password, a bearer token, or {@code ?nyckel=}; never logged. */
    private static Optional<String> key(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1)).filter(s -> !s.isBlank());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(ctx.queryParam(KEY_PARAMETER)).filter(s -> !s.isBlank());
    }

    /** The feed's absolute address as its users reach it, ending in {@code /odata/}. */
    String serviceRoot(Context ctx) {
        return PublicRoot.of(ctx, app.config().publicUrl()) + "/odata/";
    }

    /** The request as Olingo sees it: its URL on the feed's public address, so every link it writes is one. */
    private static final class PublicAddress extends HttpServletRequestWrapper {
        private final String root;

        PublicAddress(HttpServletRequest request, String root) {
            super(request);
            this.root = root;
        }

        @Override
        public StringBuffer getRequestURL() {
            String path = getRequestURI();
            return new StringBuffer(root.substring(0, root.length() - "/odata/".length()) + path);
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getContextPath() {
            return "";
        }
    }
}
