/**
 * Application services that compose the stages below into the operations a route, page, feed or command calls
 * (upload, review, report, bulk load, users, sign-on, mail), holding the business rules so that nothing above does;
 * it knows no HTTP, no picocli and no page.
 */
package se.tertial.app;
