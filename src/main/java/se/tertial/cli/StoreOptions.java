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

    /** The configuration for commands that work on the store without serving HTTP. */
    Config offline() {
        return config("127.0.0.1", Config.DEFAULT_PORT, null, Config.DEFAULT_SHEET_PASSWORD);
    }

    /** Writes a generated file to {@code out} (creating its directory) and says so. */
    static void write(java.nio.file.Path out, byte[] bytes, java.io.PrintWriter say) throws java.io.IOException {
        java.nio.file.Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        java.nio.file.Files.write(out, bytes);
        say.println("Skrev " + out + " (" + bytes.length + " byte)");
    }

    Config config(String host, int port, String publicUrl, String sheetPassword) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword);
    }

    Config config(String host, int port, String publicUrl, String sheetPassword, long maxUploadBytes) {
        return new Config(templates, data, host, port, publicUrl, sheetPassword, maxUploadBytes);
    }
}
