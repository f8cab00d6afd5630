package se.tertial.workbook;

/**
 * The cell styles of a template, described once: POI builds them for .xls (and for the budget workbook) in
 * {@link Styles}, the streaming .xlsx writer writes them as {@code styles.xml}. Input cells are the only unlocked
 * ones and are yellow; prefilled cells are grey; formulas are white and locked. Every cell of a line sits at the top
 * of its row, so labels and amounts share a baseline in a tall row.
 */
enum TemplateStyle {
    /** The hidden code row and the line codes in column A: small and grey. */
    CODE(Font.SMALL, Fill.NONE, Border.NONE, Format.GENERAL, Align.GENERAL, true, false, 0, true),
    LABEL(Font.DEFAULT, Fill.NONE, Border.NONE, Format.GENERAL, Align.GENERAL, true, false, 0, true),
    LABEL_SUM(Font.BOLD, Fill.NONE, Border.TOP_THIN, Format.GENERAL, Align.GENERAL, true, false, 0, true),
    HEADING(Font.BOLD, Fill.PALE_BLUE, Border.BOTTOM_MEDIUM, Format.GENERAL, Align.RIGHT, false, true, 0, true),
    HEADING_LEFT(Font.BOLD, Fill.PALE_BLUE, Border.BOTTOM_MEDIUM, Format.GENERAL, Align.LEFT, false, true, 0, true),
    /** Over a text column: left, indented like the column's values so it keeps clear of a right-aligned neighbour. */
    HEADING_TEXT(Font.BOLD, Fill.PALE_BLUE, Border.BOTTOM_MEDIUM, Format.GENERAL, Align.LEFT, false, true, 1, true),
    INPUT(Font.DEFAULT, Fill.LIGHT_YELLOW, Border.HAIR_BOX, Format.AMOUNT, Align.GENERAL, true, false, 0, false),
    /** An indent applies only to an explicit horizontal alignment, not to "general". */
    INPUT_TEXT(Font.DEFAULT, Fill.LIGHT_YELLOW, Border.HAIR_BOX, Format.TEXT, Align.LEFT, true, true, 1, false),
    FORMULA(Font.DEFAULT, Fill.NONE, Border.NONE, Format.AMOUNT, Align.GENERAL, true, false, 0, true),
    SUM(Font.BOLD, Fill.NONE, Border.TOP_THIN, Format.AMOUNT, Align.GENERAL, true, false, 0, true),
    PREFILLED(Font.DEFAULT, Fill.GREY_25, Border.NONE, Format.AMOUNT, Align.GENERAL, true, false, 0, true),
    CHECK(Font.ITALIC, Fill.NONE, Border.NONE, Format.AMOUNT, Align.GENERAL, true, false, 0, true),
    /** A long balance-check label wraps in its row rather than running under the amounts. */
    CHECK_LABEL(Font.ITALIC, Fill.NONE, Border.NONE, Format.AMOUNT, Align.GENERAL, true, true, 0, true),
    TITLE(Font.BIG, Fill.NONE, Border.NONE, Format.GENERAL, Align.GENERAL, true, false, 0, true),
    KEY(Font.BOLD, Fill.NONE, Border.NONE, Format.GENERAL, Align.GENERAL, true, false, 0, true),
    TEXT(Font.DEFAULT, Fill.NONE, Border.NONE, Format.GENERAL, Align.GENERAL, true, true, 0, true),
    /** The workbook's default style: the metadata sheet's plain cells. */
    PLAIN(null, null, null, null, null, false, false, 0, true);

    /** Fonts by size, weight and indexed colour (64: automatic, 23: 50 % grey). */
    enum Font {
        DEFAULT(11, false, false, 8), BOLD(11, true, false, 64), SMALL(8, false, false, 23),
        ITALIC(10, false, true, 64), BIG(14, true, false, 64);

        final int points;
        final boolean bold;
        final boolean italic;
        final short color;

        Font(int points, boolean bold, boolean italic, int color) {
            this.points = points;
            this.bold = bold;
            this.italic = italic;
            this.color = (short) color;
        }
    }

    /** Solid fills by indexed colour (44: pale blue, 43: light yellow, 22: 25 % grey). */
    enum Fill {
        NONE(-1), PALE_BLUE(44), LIGHT_YELLOW(43), GREY_25(22);

        final short color;

        Fill(int color) {
            this.color = (short) color;
        }
    }

    /** A sum's thin line above, a heading's medium line below, an input's hairline box in 40 % grey (55). */
    enum Border {
        NONE, TOP_THIN, BOTTOM_MEDIUM, HAIR_BOX;

        static final short BOX_COLOR = 55;
    }

    /** Excel's built-in number formats: General, thousands grouping ("1 234" in Swedish), text. */
    enum Format {
        GENERAL(0, "General"), AMOUNT(3, "#,##0"), TEXT(49, "@");

        final int builtin;
        final String pattern;

        Format(int builtin, String pattern) {
            this.builtin = builtin;
            this.pattern = pattern;
        }
    }

    enum Align { GENERAL, LEFT, RIGHT }

    final Font font;
    final Fill fill;
    final Border border;
    final Format format;
    final Align horizontal;
    /** At the top of the row; headings sit at the bottom. */
    final boolean top;
    final boolean wrap;
    final int indent;
    final boolean locked;

    TemplateStyle(Font font, Fill fill, Border border, Format format, Align horizontal, boolean top, boolean wrap,
                  int indent, boolean locked) {
        this.font = font;
        this.fill = fill;
        this.border = border;
        this.format = format;
        this.horizontal = horizontal;
        this.top = top;
        this.wrap = wrap;
        this.indent = indent;
        this.locked = locked;
    }
}
