/**
 * Application services: each composes the stages (spec, store, workbook, ...) into one operation that the HTTP routes
 * and the CLI commands call, so neither holds business logic.
 */
package se.tertial.app;
