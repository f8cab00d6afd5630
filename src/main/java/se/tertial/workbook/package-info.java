/**
 * Spreadsheets: generating templates from specs (.xlsx and .xls), and the conventions (layout, metadata) that readers
 * of those workbooks rely on. The only package besides the report renderer that uses POI.
 */
package se.tertial.workbook;
