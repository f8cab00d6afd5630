package se.tertial.store;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;

/** The address of a stored amount: template, line and column codes. */
public record FactKey(TemplateId template, LineCode line, ColumnCode column) {}
