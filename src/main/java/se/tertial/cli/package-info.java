/**
 * The commands a user or an operator runs ({@code serve}, {@code template}, {@code report}, {@code bulk-load},
 * {@code store}, {@code user}, {@code bench}) and their options, each handing its work to {@code app} (or
 * {@code bench}) and printing Swedish text; it holds no business rule and never reads the database itself.
 */
package se.tertial.cli;
