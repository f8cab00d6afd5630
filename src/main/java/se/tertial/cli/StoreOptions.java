package se.tertial.cli;

import picocli.CommandLine.Option;
import se.tertial.app.Config;

import java.nio.file.Path;

/** Where the specs and the database live; shared by every command that needs them. */
final class StoreOptions {
    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "${env:TERTIAL_TEMPLATES:-workbook-templates}",
            description = "Mapp med organisation och mallar (standard: ${DEFAULT-VALUE}, env TERTIAL_TEMPLATES).")
    Path templates;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:TERTIAL_DATA:-data}",
            description = "Mapp för SQLite-databasen (standard: ${DEFAULT-VALUE}, env TERTIAL_DATA).")
    Path data;

    Config config(String host, int port, String publicUrl, String sheetPassword) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword);
    }

    Config config(String host, int port, String publicUrl, String sheetPassword, long maxUploadBytes) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword, maxUploadBytes);
    }
}
