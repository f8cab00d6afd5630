package se.tertial.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A template .xlsx written as its parts, without POI's object model: the sheets ({@link XlsxSheetOut}), one
 * shared-string table, the styles ({@link XlsxStyles}), the workbook with its locked structure, print titles and
 * "recalculate on open", the relationships and the document properties (ECMA-376 Part 1 and Part 2, OPC).
 */
final class XlsxTemplatePackage implements SheetOut.Book {
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String CONTENT = "application/vnd.openxmlformats-officedocument.";

    private final List<XlsxSheetOut> sheets = new ArrayList<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private final StringBuilder stringItems = new StringBuilder(8 * 1024);
    private int stringRefs;

    @Override
    public SheetOut sheet(String name, boolean veryHidden) {
        XlsxSheetOut sheet = new XlsxSheetOut(this, name, veryHidden);
        sheets.add(sheet);
        return sheet;
    }

    /** The index of a text in the shared-string table, added the first time it is used. */
    int sharedString(String text) {
        stringRefs++;
        Integer i = strings.get(text);
        if (i == null) {
            i = strings.size();
            strings.put(text, i);
            Xml.stringItem(stringItems, text);
        }
        return i;
    }

    /** Writes the package: the first sheet active, the structure locked, the title and author in its properties. */
    void write(OutputStream out, String title, String creator, Instant created) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
        part(zip, "[Content_Types].xml", contentTypes());
        part(zip, "_rels/.rels", Xml.DECLARATION
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + OFFICE + "officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + OFFICE + "extended-properties\" Target=\"docProps/app.xml\"/>"
                + "</Relationships>");
        part(zip, "docProps/core.xml", core(title, creator, created));
        part(zip, "docProps/app.xml", Xml.DECLARATION + "<Properties xmlns=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/extended-properties\"><Application>tertial</Application></Properties>");
        part(zip, "xl/workbook.xml", workbook());
        part(zip, "xl/_rels/workbook.xml.rels", workbookRelationships());
        part(zip, "xl/styles.xml", XlsxStyles.XML);
        for (int i = 0; i < sheets.size(); i++) {
            part(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheets.get(i).xml(i == 0));
        }
        part(zip, "xl/sharedStrings.xml", new StringBuilder(stringItems.length() + 256).append(Xml.DECLARATION)
                .append("<sst xmlns=\"").append(Xml.MAIN).append("\" count=\"").append(stringRefs)
                .append("\" uniqueCount=\"").append(strings.size()).append("\">").append(stringItems)
                .append("</sst>"));
        zip.finish();
    }

    private static void part(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder x = new StringBuilder(Xml.DECLARATION)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.")
                .append("relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override(x, "/xl/workbook.xml", CONTENT + "spreadsheetml.sheet.main+xml");
        for (int i = 0; i < sheets.size(); i++) {
            override(x, "/xl/worksheets/sheet" + (i + 1) + ".xml", CONTENT + "spreadsheetml.worksheet+xml");
        }
        override(x, "/xl/styles.xml", CONTENT + "spreadsheetml.styles+xml");
        override(x, "/xl/sharedStrings.xml", CONTENT + "spreadsheetml.sharedStrings+xml");
        override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override(x, "/docProps/app.xml", CONTENT + "extended-properties+xml");
        return x.append("</Types>").toString();
    }

    private static void override(StringBuilder x, String part, String type) {
        x.append("<Override PartName=\"").append(part).append("\" ContentType=\"").append(type).append("\"/>");
    }

    private static String core(String title, String creator, Instant created) {
        StringBuilder x = new StringBuilder(Xml.DECLARATION).append("<cp:coreProperties xmlns:cp=\"http://schemas.")
                .append("openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/")
                .append("elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/")
                .append("2001/XMLSchema-instance\"><dc:title>");
        Xml.text(x, title).append("</dc:title><dc:creator>");
        Xml.text(x, creator).append("</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                .append(created.truncatedTo(ChronoUnit.SECONDS)).append("</dcterms:created></cp:coreProperties>");
        return x.toString();
    }

    private String workbook() {
        StringBuilder x = new StringBuilder(Xml.DECLARATION).append("<workbook xmlns=\"").append(Xml.MAIN)
                .append("\" xmlns:r=\"").append(Xml.RELATIONSHIPS).append("\"><workbookPr/>")
                .append("<workbookProtection lockStructure=\"1\"/>")
                .append("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            XlsxSheetOut s = sheets.get(i);
            x.append("<sheet name=\"");
            Xml.attribute(x, s.name).append("\" sheetId=\"").append(i + 1).append('"')
                    .append(s.veryHidden ? " state=\"veryHidden\"" : "").append(" r:id=\"rId").append(i + 1)
                    .append("\"/>");
        }
        x.append("</sheets>");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).printTitles != null) {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">");
                Xml.text(names, sheets.get(i).printTitles).append("</definedName>");
            }
        }
        if (!names.isEmpty()) {
            x.append("<definedNames>").append(names).append("</definedNames>");
        }
        return x.append("<calcPr fullCalcOnLoad=\"1\"/></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder x = new StringBuilder(Xml.DECLARATION)
                .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < sheets.size(); i++) {
            x.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(OFFICE)
                    .append("worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        int n = sheets.size();
        return x.append("<Relationship Id=\"rId").append(n + 1).append("\" Type=\"").append(OFFICE)
                .append("styles\" Target=\"styles.xml\"/><Relationship Id=\"rId").append(n + 2).append("\" Type=\"")
                .append(OFFICE).append("sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").toString();
    }
}
