package se.tertial.http;

import io.javalin.http.Context;

import java.net.URI;
import java.util.Optional;

/**
 * The service's address as the person or program making a request reaches it, for links that leave the page (the
 * feed's address, its next pages): the configured public address when the request came by that host — behind a
 * proxy that ends TLS it says https — else the address the request itself used.
 */
public final class PublicRoot {
    private PublicRoot() {}

    /** Without a trailing slash, e.g. {@code https://tertial.region.se}. */
    public static String of(Context ctx, String publicUrl) {
        String host = Optional.ofNullable(ctx.header("Host")).orElse("");
        URI configured = URI.create(publicUrl);
        if (configured.getRawAuthority() != null && configured.getRawAuthority().equalsIgnoreCase(host)) {
            return publicUrl.replaceAll("/+$", "");
        }
        return ctx.scheme() + "://" + (host.isEmpty() ? ctx.req().getServerName() + ":" + ctx.port() : host);
    }
}
