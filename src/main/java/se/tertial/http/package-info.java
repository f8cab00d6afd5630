/**
 * The JSON API for scripts and the one Javalin server every page and feed is mounted on: routes, access control in
 * one place, limits, and failures mapped to Swedish JSON errors with their codes; it renders no page.
 */
package se.tertial.http;
