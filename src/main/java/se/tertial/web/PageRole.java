package se.tertial.web;

import io.javalin.security.RouteRole;

/** Who may open a page. {@link #SIGNED_IN}: anyone signed in, also before a one-time password is changed. */
enum PageRole implements RouteRole {
    PUBLIC, SIGNED_IN, CONTROLLER, FINANCE, ADMIN
}
