/** The exact amount type: whole kronor, shown as tkr with three decimals. No double arithmetic. */
package se.tertial.money;
