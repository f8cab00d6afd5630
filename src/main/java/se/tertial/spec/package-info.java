/** The organisation, periods and template specs as immutable, validated records, loaded from {@code workbook-templates/}. */
package se.tertial.spec;
