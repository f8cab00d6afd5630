/**
 * Spreadsheets we write and the conventions readers of them rely on: templates from specs (our streaming .xlsx
 * writer and HSSF for .xls), styles, protection, metadata and the package reader; it knows no database and no HTTP.
 */
package se.tertial.workbook;
