package se.tertial.testkit;

import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CommentsDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.SstDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs inside {@link OoxmlSchema}'s own class loader, beside POI's full schema build: parses one SpreadsheetML part
 * as the document its root element names and validates it.
 */
public final class OoxmlSchemaValidator {
    private static final Pattern ROOT = Pattern.compile("<(?:\\w+:)?(\\w+)[\\s>/]");

    private OoxmlSchemaValidator() {}

    /** The part's schema errors joined, "" when it is valid or not a part kind checked here. */
    public static String validate(byte[] xml) throws Exception {
        String head = new String(xml, 0, Math.min(xml.length, 400), StandardCharsets.UTF_8).replaceFirst(
                "^\\s*<\\?xml[^>]*\\?>", "");
        Matcher m = ROOT.matcher(head);
        if (!m.find()) {
            return "no root element";
        }
        ByteArrayInputStream in = new ByteArrayInputStream(xml);
        XmlObject part = switch (m.group(1)) {
            case "worksheet" -> WorksheetDocument.Factory.parse(in);
            case "workbook" -> WorkbookDocument.Factory.parse(in);
            case "styleSheet" -> StyleSheetDocument.Factory.parse(in);
            case "sst" -> SstDocument.Factory.parse(in);
            case "comments" -> CommentsDocument.Factory.parse(in);
            default -> null;
        };
        if (part == null) {
            return "";
        }
        List<XmlError> errors = new ArrayList<>();
        part.validate(new XmlOptions().setErrorListener(errors));
        // The one deviation Excel itself writes (and POI with it): xml:space="preserve" on a text with white space
        // at an end, which the schema's simple type for <t> does not declare.
        return String.join("; ", errors.stream().map(XmlError::toString)
                .filter(e -> !e.contains("space@http://www.w3.org/XML/1998/namespace in element t@")).toList());
    }
}
