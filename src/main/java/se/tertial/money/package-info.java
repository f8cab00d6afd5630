/**
 * The exact amount type, whole kronor shown as tkr in Swedish format with explicit signs; it does no {@code double}
 * arithmetic and depends on nothing.
 */
package se.tertial.money;
