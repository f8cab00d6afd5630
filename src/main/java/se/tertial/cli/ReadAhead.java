package se.tertial.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import se.tertial.app.Tertial;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * While picocli reads the command line on the main thread (its classes are Java 5 bytecode, which the class-data
 * archive cannot hold, so they are read and verified from the jar at every start), a second thread does on the other
 * core what a command that opens tertial needs next: it reads the organisation and templates from the directory the
 * command line names ({@code --templates}, else env {@code TERTIAL_TEMPLATES}, else {@code workbook-templates} —
 * picocli's own default); for {@code serve} it then warms Javalin and Jetty (a server object made and dropped, never
 * started), as Spring Boot's background pre-initializer does. Nothing here is seen: a read-ahead of another
 * directory is dropped by {@link Tertial#open}, and a failure is the command's to report when it reads the
 * templates itself.
 */
final class ReadAhead {
    /** The commands that open tertial with its templates. */
    private static final java.util.Set<String> OPENING = java.util.Set.of("serve", "user", "template", "report");

    private ReadAhead() {}

    private record Sample(List<Object> list, Map<String, Object> map, String text, long number) {}

    /** Starts the read-ahead when {@code command} opens tertial. */
    static void start(String command, String[] args) {
        if (!OPENING.contains(command)) {
            return;
        }
        Path templates = templatesNamedBy(args);
        boolean server = command.equals("serve");
        Thread t = new Thread(() -> run(templates, server), "tertial-read-ahead");
        t.setDaemon(true);
        t.start();
    }

    /** The templates directory as picocli will read it from these arguments. */
    static Path templatesNamedBy(String[] args) {
        String dir = System.getenv("TERTIAL_TEMPLATES");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--templates") && i + 1 < args.length) {
                dir = args[i + 1];
            } else if (args[i].startsWith("--templates=")) {
                dir = args[i].substring("--templates=".length());
            }
        }
        return Path.of(dir == null || dir.isEmpty() ? "workbook-templates" : dir);
    }

    private static void run(Path templates, boolean server) {
        try {
            Tertial.readTemplatesAhead(templates);
            if (!server) {
                return;
            }
            // Jetty's MIME table asks the JDK for every available locale when its class is first used, which was
            // a fifth of the main thread's work in a start's profile: a server object made here, never started.
            new org.eclipse.jetty.server.Server();
            JsonMapper json = new JsonMapper();
            json.writeValueAsBytes(json.readValue("{\"list\":[1,2.5,\"x\"],\"map\":{\"a\":true},\"text\":\"å\","
                    + "\"number\":7}", Sample.class));
            Javalin.create(c -> c.startup.showJavalinBanner = false);
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // nothing was shared: the start itself does this work when it gets there
        }
    }
}
