/**
 * From uploaded bytes to a validated submission (identify the template by its metadata, check the structure, read
 * the values, recompute every sum, apply the rules, report findings with cell addresses); it knows no database and no
 * HTTP, and gets what it needs of the store through {@link se.tertial.ingest.IngestContext}.
 */
package se.tertial.ingest;
