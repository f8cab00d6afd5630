package se.tertial.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a person or an operator waits for a start, measured from outside as they see it: a new JVM per run, the
 * time from starting it to the first 200 on {@code /api/health} (serve, on an existing store and on a fresh one) or
 * to its exit (a short command), side by side and alternating with the floors in the same run — a Jetty that
 * answers 200 from the same jar ({@link Floor}), and {@code tertial --version} (a JVM and picocli, nothing of
 * tertial's). The commands are started as a user starts them, through {@code scripts/tertial} when the bench runs
 * in the project's directory (its class-data archive and options), else with {@code java -jar}.
 */
final class StartBench {
    private final Path templates;
    private final PrintWriter out;
    private final int runs;

    StartBench(Path templates, PrintWriter out, int runs) {
        this.templates = templates;
        this.out = out;
        this.runs = runs;
    }

    void run(Path dir) throws Exception {
        List<String> launcher = launcher();
        out.println("start: " + runs + " runs each, alternating, new JVM per run, via " + String.join(" ", launcher));
        Path existing = dir.resolve("existing");
        untilHealthy(launcher, "serve", existing); // makes the store once: the "existing" runs find it
        List<Double> floor = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        List<Double> userList = new ArrayList<>();
        List<Double> userAdd = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(untilHealthy(floorCommand(), null, null));
            warm.add(untilHealthy(launcher, "serve", existing));
            fresh.add(untilHealthy(launcher, "serve", dir.resolve("fresh-" + i)));
            version.add(untilExit(launcher, List.of("--version")));
            userList.add(untilExit(launcher, List.of("user", "list", "--data", existing.toString(), "--templates",
                    templates.toString())));
            userAdd.add(untilExit(launcher, List.of("user", "add", "--data", existing.toString(), "--templates",
                    templates.toString(), "--name", "bench-" + i, "--role", "finance")));
        }
        line("serve, existing store, to the first 200", warm, floor, "a Jetty answering 200", 1.0);
        line("serve, fresh store, to the first 200", fresh, floor, "a Jetty answering 200", 1.5);
        line("user list, to its exit", userList, version, "tertial --version", 0.8);
        line("user add, to its exit", userAdd, version, "tertial --version", 0.8);
    }

    private void line(String what, List<Double> ms, List<Double> floorMs, String floorName, double targetSeconds) {
        double m = median(ms);
        double f = median(floorMs);
        out.printf("  %-42s median %6.0f ms (min %5.0f, max %5.0f)   floor (%s) %5.0f ms   ratio %4.1f×   target "
                + "≤ %.1f s: %s%n", what, m, Collections.min(ms), Collections.max(ms), floorName, f, m / f,
                targetSeconds, m <= targetSeconds * 1000 ? "met" : "NOT met");
        out.flush();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** {@code scripts/tertial} in the project's directory, else this JVM's java with this jar. */
    private static List<String> launcher() {
        Path script = Path.of("scripts", "tertial");
        if (Files.isExecutable(script)) {
            return List.of(script.toAbsolutePath().toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("java.class.path"));
    }

    private static List<String> floorCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Floor.class.getName());
    }

    /** Milliseconds from starting {@code command} to a 200 on {@code /api/health}; the process is then stopped. */
    private double untilHealthy(List<String> command, String serve, Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> all = new ArrayList<>(command);
        if (serve != null) {
            all.addAll(List.of(serve, "--templates", templates.toString(), "--data", data.toString(), "--host",
                    "127.0.0.1", "--port", Integer.toString(port)));
        } else {
            all.add(Integer.toString(port));
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            while (true) {
                if (health(port) == 200) {
                    return (System.nanoTime() - t0) / 1e6;
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("exited with " + p.exitValue() + ": " + all);
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("no 200 within a minute: " + all);
                }
                Thread.sleep(5);
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The status of one {@code GET /api/health} over a plain socket, or 0 while nothing listens: what a load
     * balancer's check does. The JDK's HTTP client, polling every 5 ms, had the bench's own JVM compiling its
     * client code on the two cores the measured start needs.
     */
    private static int health(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            s.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine(); // "HTTP/1.1 200 OK"
            return status != null && status.startsWith("HTTP/1.") && status.length() >= 12
                    ? Integer.parseInt(status.substring(9, 12)) : 0;
        } catch (IOException | NumberFormatException notYet) {
            return 0;
        }
    }

    private static double untilExit(List<String> command, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(command);
        all.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + all);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The floor of a start: Jetty from the same jar answering 200 to every request, nothing else. */
    public static final class Floor {
        private Floor() {}

        public static void main(String[] args) throws Exception {
            org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(
                    new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                                      org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
                    response.setStatus(200);
                    response.write(true, java.nio.ByteBuffer.wrap("ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                            callback);
                    return true;
                }
            });
            server.start();
            server.join();
        }
    }
}
