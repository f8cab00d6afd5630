/**
 * The organisation, periods and template specs as immutable, validated records loaded from
 * {@code workbook-templates/}, and every Swedish text in bundles by audience ({@code *Text}); it depends on no other
 * package and knows nothing of POI, JDBC or HTTP.
 */
package se.tertial.spec;
