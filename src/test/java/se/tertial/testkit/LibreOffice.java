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
