package se.tertial.workbook;

import org.apache.poi.poifs.crypt.CryptoFunctions;
import se.tertial.spec.WorkbookText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A template sheet as SpreadsheetML ({@code xl/worksheets/sheetN.xml}), written as text while the sheet writer
 * goes: the cells into {@code <sheetData>}, the rest kept until {@link #xml} puts every part in the order the schema
 * asks (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). What POI's usermodel would write for the same calls, without its
 * object model: {@code TemplateXlsxParityTest} compares the two cell by cell.
 */
final class XlsxSheetOut implements SheetOut {
    final String name;
    final boolean veryHidden;
    private final XlsxTemplatePackage book;
    private final StringBuilder data = new StringBuilder(16 * 1024);
    private final TreeMap<Integer, Integer> widths = new TreeMap<>();
    private int lastRow = -1;
    private int lastCol = 0;
    private int rowNumber;
    private boolean inRow;
    private String pane = "";
    private String protection = "";
    private String validations = "";
    private int rules;
    private int pagesWide;
    /** Print titles as a defined name's formula, e.g. {@code Resultat!$A:$B,Resultat!$1:$2}. */
    String printTitles;
    private String headerFooter = "";

    XlsxSheetOut(XlsxTemplatePackage book, String name, boolean veryHidden) {
        this.book = book;
        this.name = name;
        this.veryHidden = veryHidden;
    }

    @Override
    public void columnWidth(int col, int chars) {
        widths.put(col, chars);
    }

    @Override
    public void row(int r, float heightPoints, boolean hidden) {
        endRow();
        rowNumber = r + 1;
        lastRow = r;
        data.append("<row r=\"").append(rowNumber).append('"');
        if (hidden) {
            data.append(" hidden=\"1\"");
        } else if (heightPoints > 0) {
            data.append(" ht=\"").append(decimal(heightPoints)).append("\" customHeight=\"1\"");
        }
        data.append('>');
        inRow = true;
    }

    @Override
    public void text(int col, String text, TemplateStyle style) {
        cell(col, style).append(" t=\"s\"><v>").append(book.sharedString(text)).append("</v></c>");
    }

    @Override
    public void number(int col, BigDecimal tkr, TemplateStyle style) {
        cell(col, style).append("><v>").append(number(tkr)).append("</v></c>");
    }

    @Override
    public void blank(int col, TemplateStyle style) {
        cell(col, style).append("/>");
    }

    @Override
    public void formula(int col, String formula, TemplateValues.Value cached, TemplateStyle style) {
        StringBuilder c = cell(col, style);
        if (cached instanceof TemplateValues.Number n) {
            c.append("><f>");
            Xml.text(c, formula);
            c.append("</f><v>").append(number(n.value())).append("</v>");
        } else if (cached instanceof TemplateValues.Error) {
            c.append(" t=\"e\"><f>");
            Xml.text(c, formula);
            c.append("</f><v>#VALUE!</v>");
        } else {
            c.append(" t=\"str\"><f>");
            Xml.text(c, formula);
            c.append("</f><v></v>");
        }
        c.append("</c>");
    }

    private StringBuilder cell(int col, TemplateStyle style) {
        lastCol = Math.max(lastCol, col);
        data.append("<c r=\"");
        column(data, col).append(rowNumber).append('"');
        if (style != TemplateStyle.PLAIN) {
            data.append(" s=\"").append(XlsxStyles.index(style)).append('"');
        }
        return data;
    }

    private void endRow() {
        if (inRow) {
            data.append("</row>");
            inRow = false;
        }
    }

    @Override
    public void freeze(int col, int r) {
        StringBuilder p = new StringBuilder("<pane xSplit=\"").append(col).append("\" ySplit=\"").append(r)
                .append("\" topLeftCell=\"");
        column(p, col).append(r + 1).append("\" activePane=\"bottomRight\" state=\"frozen\"/>")
                .append("<selection pane=\"bottomRight\"/>");
        pane = p.toString();
    }

    @Override
    public void printA4Landscape(int pages) {
        this.pagesWide = pages;
    }

    @Override
    public void printTitles(int lastTitleRow, int lastTitleCol) {
        StringBuilder t = new StringBuilder();
        String sheet = quotedName();
        t.append(sheet).append("!$A:$");
        column(t, lastTitleCol).append(',').append(sheet).append("!$1:$").append(lastTitleRow + 1);
        printTitles = t.toString();
    }

    /** The sheet's name as a formula refers to it: quoted when it is more than letters, digits and '_'. */
    private String quotedName() {
        return name.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? name : "'" + name.replace("'", "''") + "'";
    }

    @Override
    public void headerFooter(String headerLeft, String headerCenter, String headerRight, String footerLeft,
                             String footerCenter, String footerRight) {
        StringBuilder h = new StringBuilder("<headerFooter><oddHeader>");
        Xml.text(h, sections(headerLeft, headerCenter, headerRight));
        h.append("</oddHeader><oddFooter>");
        Xml.text(h, sections(footerLeft, footerCenter, footerRight));
        headerFooter = h.append("</oddFooter></headerFooter>").toString();
    }

    private static String sections(String left, String center, String right) {
        return (left.isEmpty() ? "" : "&L" + left) + (center.isEmpty() ? "" : "&C" + center)
                + (right.isEmpty() ? "" : "&R" + right);
    }

    @Override
    public void rule(Rule rule, List<int[]> cells) {
        if (cells.isEmpty()) {
            return;
        }
        StringBuilder v = new StringBuilder(validations);
        v.append(switch (rule) {
            case AMOUNT -> "<dataValidation type=\"decimal\" operator=\"between\"";
            case COMMENT -> "<dataValidation type=\"textLength\" operator=\"lessThanOrEqual\"";
        });
        v.append(" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"");
        Xml.attribute(v, rule.title).append("\" error=\"");
        Xml.attribute(v, rule.text).append("\" sqref=\"");
        for (int i = 0; i < cells.size(); i++) {
            column(i == 0 ? v : v.append(' '), cells.get(i)[1]).append(cells.get(i)[0] + 1);
        }
        v.append("\">");
        switch (rule) {
            case AMOUNT -> v.append("<formula1>-").append(DataSheetWriter.MAX_TKR).append("</formula1><formula2>")
                    .append(DataSheetWriter.MAX_TKR).append("</formula2>");
            case COMMENT -> v.append("<formula1>").append(WorkbookText.COMMENT_MAX).append("</formula1>");
        }
        validations = v.append("</dataValidation>").toString();
        rules++;
    }

    @Override
    public void protect(String password, Protection kind) {
        String hash = String.format(Locale.ROOT, "%04X", CryptoFunctions.createXorVerifier1(password));
        protection = "<sheetProtection password=\"" + hash + "\" sheet=\"1\" objects=\"1\" scenarios=\"1\""
                + (kind == Protection.TEMPLATE
                ? " formatColumns=\"0\" formatRows=\"0\" selectLockedCells=\"0\" selectUnlockedCells=\"0\"/>"
                : "/>");
    }

    /** The whole sheet part. */
    String xml(boolean selected) {
        endRow();
        StringBuilder x = new StringBuilder(data.length() + 2048);
        x.append(Xml.DECLARATION).append("<worksheet xmlns=\"").append(Xml.MAIN).append("\">");
        if (pagesWide > 0) {
            // BIFF8 applies fit-to-width only with automatic page breaks on; .xlsx keeps the same flags.
            x.append("<sheetPr><pageSetUpPr autoPageBreaks=\"1\" fitToPage=\"1\"/></sheetPr>");
        }
        x.append("<dimension ref=\"A1");
        if (lastRow > 0 || lastCol > 0) {
            column(x.append(':'), lastCol).append(Math.max(lastRow, 0) + 1);
        }
        x.append("\"/><sheetViews><sheetView workbookViewId=\"0\"").append(selected ? " tabSelected=\"1\"" : "")
                .append(pane.isEmpty() ? "/>" : ">" + pane + "</sheetView>").append("</sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!widths.isEmpty()) {
            x.append("<cols>");
            widths.forEach((col, chars) -> x.append("<col min=\"").append(col + 1).append("\" max=\"")
                    .append(col + 1).append("\" width=\"").append(chars).append("\" customWidth=\"1\"/>"));
            x.append("</cols>");
        }
        x.append("<sheetData>").append(data).append("</sheetData>").append(protection);
        if (!validations.isEmpty()) {
            x.append("<dataValidations count=\"").append(rules).append("\">").append(validations)
                    .append("</dataValidations>");
        }
        x.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        if (pagesWide > 0) {
            x.append("<pageSetup paperSize=\"9\" fitToWidth=\"").append(pagesWide)
                    .append("\" fitToHeight=\"0\" orientation=\"landscape\"/>");
        }
        return x.append(headerFooter).append("</worksheet>").toString();
    }

    /** A column's letters, e.g. 0 → A, 27 → AB. */
    static StringBuilder column(StringBuilder b, int col) {
        if (col >= 26) {
            column(b, col / 26 - 1);
        }
        return b.append((char) ('A' + col % 26));
    }

    /** An exact amount as SpreadsheetML stores numbers: plain digits, no exponent, no trailing zeros. */
    static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String decimal(float points) {
        return points == Math.rint(points) ? Integer.toString((int) points) : Float.toString(points);
    }
}
