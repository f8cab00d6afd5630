package se.tertial.workbook;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * SAX handler for the shared-strings part that keeps only the strings a sheet's cells refer to, stops once it has
 * passed the highest one, and never keeps more text than the limits allow. Phonetic runs ({@code <rPh>}) are not
 * part of a cell's text.
 */
final class SharedStringsXml extends DefaultHandler {
    /** Thrown to end parsing early: every wanted string has been read. */
    static final class Done extends SAXException {
        Done() {
            super("done");
        }
    }

    private final Set<Integer> wanted;
    private final int last;
    private final ReadLimits limits;
    private final Deadline deadline;
    final Map<Integer, String> strings = new HashMap<>();
    final Set<Integer> overlong = new java.util.HashSet<>();
    private long kept;
    private long elements;
    private int index = -1;
    private boolean inT;
    private boolean inPhonetic;
    private boolean keep;
    private final StringBuilder text = new StringBuilder();

    SharedStringsXml(Set<Integer> wanted, ReadLimits limits, Deadline deadline) {
        this.wanted = wanted;
        this.last = wanted.stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.limits = limits;
        this.deadline = deadline;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if ((++elements & 0x3FF) == 0) {
            deadline.check();
        }
        switch (localName) {
            case "si" -> {
                index++;
                if (index > last) {
                    throw new Done();
                }
                keep = wanted.contains(index);
                text.setLength(0);
            }
            case "t" -> inT = !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inT || !keep) {
            return;
        }
        int room = limits.maxCellChars() + 1 - text.length();
        text.append(ch, start, Math.max(0, Math.min(length, room)));
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "t" -> inT = false;
            case "rPh" -> inPhonetic = false;
            case "si" -> {
                if (!keep) {
                    return;
                }
                if (text.length() > limits.maxCellChars() || kept + text.length() > limits.maxStringChars()) {
                    overlong.add(index);
                } else {
                    kept += text.length();
                    strings.put(index, text.toString());
                }
            }
            default -> { }
        }
    }
}
