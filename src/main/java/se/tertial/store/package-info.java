/**
 * Storage on SQLite or PostgreSQL: migrations, transactions, the repositories of periods, submissions, facts,
 * users and reviews, the feed's read views, backup and check; it holds no business rule and knows no workbook or HTTP.
 */
package se.tertial.store;
