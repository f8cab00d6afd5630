/**
 * The OData v4 feed Excel's Power Query reads: addresses and CSDL by Olingo, rows from {@code app.FeedService} over
 * the store's read views with the same keys and unit scoping as the API; it only reads, and never filters in memory.
 */
package se.tertial.feed;
