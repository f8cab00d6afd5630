package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.spec.SpecException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the faster start does differently must not change what a start does: the templates read ahead are the
 * command line's own (or dropped), a broken template is still reported by name, and only the named command is
 * given to picocli while help and a mistyped command still list them all.
 */
class FastStartTest {
    private static final Path TEMPLATES = Path.of("workbook-templates");

    @TempDir
    Path tmp;

    @Test
    void theTemplatesDirectoryIsReadFromTheCommandLineAsPicocliReadsIt() {
        assertEquals(Path.of("x/y"), ReadAhead.templatesNamedBy(new String[] {"serve", "--templates", "x/y"}));
        assertEquals(Path.of("z"), ReadAhead.templatesNamedBy(new String[] {"serve", "--templates=z", "--port", "1"}));
        String env = System.getenv("TERTIAL_TEMPLATES");
        assertEquals(Path.of(env == null || env.isEmpty() ? "workbook-templates" : env),
                ReadAhead.templatesNamedBy(new String[] {"serve"}));
    }

    @Test
    void aReadAheadOfTheSameDirectoryIsUsedAndOfAnotherDropped() throws Exception {
        Path copy = copyOfTemplates("copy");
        Tertial.readTemplatesAhead(copy);
        Files.writeString(copy.resolve("organisation.json"), "{ inte json");
        assertEquals(20, open(tmp.resolve("a"), copy.resolve("../copy")).organisation().units().size(),
                "read before the file broke: the read-ahead was used");
        assertThrows(SpecException.class, () -> open(tmp.resolve("b"), copy), "used once, then read anew");
        Tertial.readTemplatesAhead(copy);
        assertEquals(20, open(tmp.resolve("c"), TEMPLATES).organisation().units().size(),
                "a read-ahead of another directory is dropped");
    }

    @Test
    void aBrokenTemplateReadAheadIsReportedByTheOpenAsBefore() throws Exception {
        Path broken = copyOfTemplates("broken");
        Files.writeString(broken.resolve("organisation.json"), "{ inte json");
        Tertial.readTemplatesAhead(broken);
        SpecException e = assertThrows(SpecException.class, () -> open(tmp.resolve("d"), broken));
        assertTrue(e.getMessage().contains("organisation.json"), e.getMessage());
    }

    private Path copyOfTemplates(String name) throws Exception {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.walk(TEMPLATES)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(TEMPLATES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return copy;
    }

    @Test
    void helpAndAMistypedCommandStillSeeEveryCommand() {
        CliOutput.Run help = CliOutput.capture("--help");
        for (String command : new String[] {"serve", "template", "report", "bulk-load", "store", "user", "bench"}) {
            assertTrue(help.out().contains(command), help.out());
        }
        CliOutput.Run wrong = CliOutput.capture("serv");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("serve"), "picocli suggests the command: " + wrong.err());
    }

    private static se.tertial.spec.SpecCatalog open(Path data, Path templates) {
        try (Tertial app = Tertial.open(new Config(templates, data, "127.0.0.1", 0, null, "tertial"))) {
            return app.catalog();
        }
    }
}
