/**
 * The consolidated report: {@link se.tertial.report.Consolidation} computes the figures as pure code over facts;
 * the renderers turn them into a workbook with live formulas and into JSON.
 */
package se.tertial.report;
