/**
 * The consolidated report: {@link se.tertial.report.Consolidation} computes the figures as pure code over stored
 * facts and the renderers turn them into a workbook with live formulas and into JSON; it writes nothing to the store.
 */
package se.tertial.report;
