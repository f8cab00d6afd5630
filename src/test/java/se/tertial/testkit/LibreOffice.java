package se.tertial.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice headless as an independent spreadsheet program. Its profile is set to recalculate every formula on
 * load, so a converted file holds LibreOffice's own results, not the cached values we wrote. Installed, with
 * pdftotext, by {@code scripts/test.sh}.
 */
public final class LibreOffice {
    private static final String RECALC_ALWAYS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOffice() {}

    /** Converts {@code file} (e.g. to "pdf" or "xlsx") into {@code outDir}; returns the new file. */
    public static Path convert(Path file, String format, Path outDir) throws IOException, InterruptedException {
        Path profile = outDir.resolve("lo-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), RECALC_ALWAYS);
        Files.createDirectories(outDir);
        run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", format, "--outdir", outDir.toString(), file.toString()));
        String name = file.getFileName().toString();
        Path out = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format);
        if (!Files.exists(out) || Files.size(out) == 0) {
            throw new AssertionError("LibreOffice wrote no " + out);
        }
        return out;
    }

    /** The text of a PDF, runs of blanks collapsed. */
    public static String pdfText(Path pdf) throws IOException, InterruptedException {
        Path txt = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run(List.of("pdftotext", "-layout", pdf.toString(), txt.toString()));
        return Files.readString(txt, StandardCharsets.UTF_8).replaceAll("[ \\t]+", " ");
    }

    /** The text of each page of a PDF, runs of white space (also line breaks) collapsed to one blank. */
    public static List<String> pdfPages(Path pdf) throws IOException, InterruptedException {
        Path txt = pdf.resolveSibling(pdf.getFileName() + ".pages.txt");
        run(List.of("pdftotext", "-layout", pdf.toString(), txt.toString()));
        List<String> pages = new ArrayList<>();
        for (String page : Files.readString(txt, StandardCharsets.UTF_8).split("\f")) {
            pages.add(page.replaceAll("\\s+", " ").strip());
        }
        return pages;
    }

    /** One word of a PDF as pdftotext sees it: its page (from 1), text and box in points. */
    public record Word(int page, String text, double xMin, double yMin, double xMax, double yMax) {}

    /**
     * The words of a PDF with their boxes ({@code pdftotext -bbox}). pdftotext splits words where the glyphs leave a
     * gap, so text that runs into its neighbour comes out as one word ("2021Analys") and a word broken over two
     * lines as two ("2022-" and "08-31").
     */
    public static List<Word> pdfWords(Path pdf) throws IOException, InterruptedException {
        Path html = pdf.resolveSibling(pdf.getFileName() + ".bbox.html");
        run(List.of("pdftotext", "-bbox", pdf.toString(), html.toString()));
        List<Word> words = new ArrayList<>();
        int page = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                + "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>").matcher(Files.readString(html));
        while (m.find()) {
            if (m.group(1) == null) {
                page++;
                continue;
            }
            words.add(new Word(page, unescape(m.group(5)), Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
        }
        return words;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is not installed; run the tests with scripts/test.sh, "
                    + "which installs LibreOffice and poppler-utils", e);
        }
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError(command + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + output);
        }
    }
}
