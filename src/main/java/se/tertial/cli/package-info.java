/** The command line: {@code serve}, {@code template} and, later, {@code bulk-load}, {@code report}, {@code user}. */
package se.tertial.cli;
