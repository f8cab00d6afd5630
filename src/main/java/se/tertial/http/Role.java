package se.tertial.http;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route declares its roles; a route without any is refused (deny by default). */
public enum Role implements RouteRole {
    /** No authentication needed (health check). */
    PUBLIC,
    /** A unit's controller: templates and uploads for the units they are bound to. */
    CONTROLLER,
    /** Finance: reads everything, manages periods, budget and reports. */
    FINANCE,
    /** Administers users; may do everything finance may. */
    ADMIN
}
