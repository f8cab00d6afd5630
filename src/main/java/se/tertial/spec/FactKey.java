package se.tertial.spec;

/** The address of a stored amount: template, line and column codes. */
public record FactKey(TemplateId template, LineCode line, ColumnCode column) {}
