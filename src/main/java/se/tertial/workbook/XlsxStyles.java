package se.tertial.workbook;

/**
 * The {@link TemplateStyle}s as {@code xl/styles.xml}, made once: each style is the cell format at index
 * {@code ordinal + 1} (0 is the workbook's default, {@link TemplateStyle#PLAIN}); fonts, fills and borders are listed
 * in the order of their enums.
 */
final class XlsxStyles {
    static final String XML = build();

    private XlsxStyles() {}

    /** The {@code s} attribute of a cell in this style. */
    static int index(TemplateStyle style) {
        return style == TemplateStyle.PLAIN ? 0 : style.ordinal() + 1;
    }

    private static String build() {
        StringBuilder x = new StringBuilder(4096).append(Xml.DECLARATION).append("<styleSheet xmlns=\"")
                .append(Xml.MAIN).append("\">");
        TemplateStyle.Font[] fonts = TemplateStyle.Font.values();
        x.append("<fonts count=\"").append(fonts.length).append("\">");
        for (TemplateStyle.Font f : fonts) {
            x.append("<font>").append(f.bold ? "<b/>" : "").append(f.italic ? "<i/>" : "")
                    .append("<sz val=\"").append(f.points).append("\"/><color indexed=\"").append(f.color)
                    .append("\"/><name val=\"Calibri\"/><family val=\"2\"/>")
                    .append(f == TemplateStyle.Font.DEFAULT ? "<scheme val=\"minor\"/>" : "").append("</font>");
        }
        TemplateStyle.Fill[] fills = TemplateStyle.Fill.values();
        // Index 1 is reserved for the gray125 pattern every workbook carries.
        x.append("</fonts><fills count=\"").append(fills.length + 1).append("\">")
                .append("<fill><patternFill patternType=\"none\"/></fill>")
                .append("<fill><patternFill patternType=\"gray125\"/></fill>");
        for (TemplateStyle.Fill f : fills) {
            if (f != TemplateStyle.Fill.NONE) {
                x.append("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"").append(f.color)
                        .append("\"/><bgColor indexed=\"64\"/></patternFill></fill>");
            }
        }
        TemplateStyle.Border[] borders = TemplateStyle.Border.values();
        x.append("</fills><borders count=\"").append(borders.length).append("\">");
        for (TemplateStyle.Border b : borders) {
            x.append(switch (b) {
                case NONE -> "<border><left/><right/><top/><bottom/><diagonal/></border>";
                case TOP_THIN -> "<border><left/><right/><top style=\"thin\"/><bottom/><diagonal/></border>";
                case BOTTOM_MEDIUM -> "<border><left/><right/><top/><bottom style=\"medium\"/><diagonal/></border>";
                case HAIR_BOX -> "<border>" + hair("left") + hair("right") + hair("top") + hair("bottom")
                        + "<diagonal/></border>";
            });
        }
        x.append("</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>")
                .append("</cellStyleXfs><cellXfs count=\"").append(TemplateStyle.values().length).append("\">")
                .append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (TemplateStyle s : TemplateStyle.values()) {
            if (s != TemplateStyle.PLAIN) {
                xf(x, s);
            }
        }
        return x.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>")
                .append("</cellStyles></styleSheet>").toString();
    }

    private static void xf(StringBuilder x, TemplateStyle s) {
        int fill = s.fill == TemplateStyle.Fill.NONE ? 0 : s.fill.ordinal() + 1;
        x.append("<xf numFmtId=\"").append(s.format.builtin).append("\" fontId=\"").append(s.font.ordinal())
                .append("\" fillId=\"").append(fill).append("\" borderId=\"").append(s.border.ordinal())
                .append("\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"")
                .append(" applyAlignment=\"1\" applyProtection=\"1\"><alignment");
        switch (s.horizontal) {
            case LEFT -> x.append(" horizontal=\"left\"");
            case RIGHT -> x.append(" horizontal=\"right\"");
            case GENERAL -> { }
        }
        x.append(s.top ? " vertical=\"top\"" : " vertical=\"bottom\"");
        if (s.wrap) {
            x.append(" wrapText=\"1\"");
        }
        if (s.indent > 0) {
            x.append(" indent=\"").append(s.indent).append('"');
        }
        x.append("/><protection locked=\"").append(s.locked ? 1 : 0).append("\"/></xf>");
    }

    private static String hair(String side) {
        return "<" + side + " style=\"hair\"><color indexed=\"" + TemplateStyle.Border.BOX_COLOR + "\"/></" + side
                + ">";
    }
}
