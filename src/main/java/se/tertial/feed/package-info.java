/**
 * The OData v4 feed Excel's Power Query reads: addresses and CSDL by Olingo, rows from {@code app.FeedService} over
 * the store's read views, the same key and unit scoping as the API; it reads only and never filters in memory.
 */
package se.tertial.feed;
