/** SQLite storage: schema migrations, transactions, and repositories for periods, submissions and facts. */
package se.tertial.store;
