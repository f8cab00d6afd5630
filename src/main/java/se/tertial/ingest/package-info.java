/**
 * From uploaded bytes to a validated submission: identify the template by its metadata, check the structure, read
 * the values, recompute every sum, apply the rules, and report findings with cell addresses. No database, no HTTP:
 * what it needs from the store comes through {@link se.tertial.ingest.IngestContext}.
 */
package se.tertial.ingest;
