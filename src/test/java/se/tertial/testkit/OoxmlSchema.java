package se.tertial.testkit;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Validates the SpreadsheetML parts of an .xlsx (workbook, styles, shared strings, sheets) against the ECMA-376
 * schemas, the check Excel's "we found a problem with some content" stands for. The schemas are POI's full XMLBeans
 * build, which Maven copies to {@code target/ooxml-schemas} and which is loaded here in a class loader of its own:
 * the application and the other tests run on poi-ooxml-lite, which lacks most schema types.
 */
public final class OoxmlSchema {
    private static Method validate;

    private OoxmlSchema() {}

    /** Every schema error in the package's SpreadsheetML parts, as "part: error"; empty when it is valid. */
    public static List<String> problems(byte[] xlsx) {
        List<String> problems = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith("xl/") && name.endsWith(".xml")) {
                    String error = (String) validator().invoke(null, (Object) zip.readAllBytes());
                    if (!error.isEmpty()) {
                        problems.add(name + ": " + error);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    private static synchronized Method validator() throws IOException, ReflectiveOperationException {
        if (validate == null) {
            Path full = Path.of("target", "ooxml-schemas", "poi-ooxml-full.jar");
            if (!Files.isRegularFile(full)) {
                throw new IllegalStateException(full + " is missing: mvn generate-test-resources copies it");
            }
            List<URL> urls = new ArrayList<>();
            urls.add(full.toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                String file = Path.of(entry).getFileName().toString();
                if (file.startsWith("xmlbeans-") || file.startsWith("log4j-api-") || file.startsWith("commons-io-")
                        || entry.endsWith("test-classes")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader own = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> c = Class.forName(OoxmlSchemaValidator.class.getName(), true, own);
            validate = c.getMethod("validate", byte[].class);
        }
        return validate;
    }
}
