package se.tertial.testkit;

import se.tertial.store.DatabaseUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} (installed by {@code scripts/test.sh}),
 * initialised in a temporary directory with {@code initdb}, started with {@code pg_ctl} on a free port of the
 * loopback interface, and stopped (and deleted) when the test JVM exits. PostgreSQL refuses to run as root, so when
 * the tests run as root the server runs as the {@code postgres} user the package creates. One server per JVM (a
 * start costs ~1.5 s); every test gets a database of its own ({@link #newDatabase()}, ~0.1 s).
 */
public final class PostgresServer {
    private static PostgresServer shared;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-stop"));
        }
        return shared;
    }

    private static PostgresServer start() {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("tertial-pg");
            PostgresServer s = new PostgresServer(dir, bin, freePort(), root);
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            s.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", "tertial", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
            // fsync off: the tests are about behaviour, not surviving a power cut; the server is thrown away
            s.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o",
                    "-p " + s.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c max_connections=300", "-l", dir.resolve("log").toString(), "-w", "start"));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest PostgreSQL Debian installed: /usr/lib/postgresql/<version>/bin. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed (Debian's postgresql package; "
                    + "scripts/test.sh installs it)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(p -> p.resolve("bin")).orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void pg(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server (tertial's migrations run when a store first connects). */
    public DatabaseUrl newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return url(name);
    }

    public DatabaseUrl url(String database) {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "tertial", null);
    }

    /** Runs a statement as the superuser in the maintenance database. */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "tertial", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A plain JDBC connection to a test database, for tests that look at or damage rows directly. */
    public static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password());
    }

    private void stop() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop"));
        } catch (RuntimeException e) {
            // the JVM is exiting; the temporary directory goes below either way
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
