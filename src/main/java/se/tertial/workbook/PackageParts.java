package se.tertial.workbook;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SAX handlers of a package's own small parts, as {@link XlsxPackage} reads them: a relationship part, the
 * workbook's list of sheets, and the core properties' dates (W3CDTF as Excel, LibreOffice and openpyxl write it).
 */
final class PackageParts {
    static final String REL_NS_SUFFIX = "relationships";

    private PackageParts() {}

    record Rel(String id, String type, String target, boolean external) {}

    static final class Rels extends DefaultHandler {
        final List<Rel> rels = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (localName.equals("Relationship")) {
                String target = atts.getValue("Target");
                rels.add(new Rel(String.valueOf(atts.getValue("Id")), String.valueOf(atts.getValue("Type")).strip(),
                        target == null ? "" : target.strip(), "External".equalsIgnoreCase(atts.getValue("TargetMode"))));
            }
        }
    }

    static final class WorkbookSheets extends DefaultHandler {
        final List<String[]> sheets = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (!localName.equals("sheet")) {
                return;
            }
            String name = atts.getValue("name");
            String id = null;
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getLocalName(i).equals("id") && atts.getURI(i).endsWith(REL_NS_SUFFIX)) {
                    id = atts.getValue(i);
                }
            }
            if (name != null && id != null) {
                sheets.add(new String[] {name, id});
            }
        }
    }

    static final class CoreProperties extends DefaultHandler {
        Optional<Instant> modified = Optional.empty();
        Optional<Instant> created = Optional.empty();
        private final StringBuilder text = new StringBuilder();
        private boolean in;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            in = localName.equals("modified") || localName.equals("created");
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (in && text.length() < 100) {
                text.append(ch, start, Math.min(length, 100));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (in && localName.equals("modified")) {
                modified = instant(text.toString());
            } else if (in && localName.equals("created")) {
                created = instant(text.toString());
            }
            in = false;
        }
    }

    /** A W3CDTF date as Excel, LibreOffice and openpyxl write it; anything else is no date. */
    static Optional<Instant> instant(String text) {
        String s = text.strip();
        Instant quick = IsoInstant.quick(s);
        if (quick != null) {
            return Optional.of(quick);
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try the looser forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // a date alone?
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
