/** The HTTP API: Javalin routes, access control in one place, and the mapping of failures to Swedish JSON errors. */
package se.tertial.http;
