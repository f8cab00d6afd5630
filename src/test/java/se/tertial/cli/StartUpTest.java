package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.TertialException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starting `serve` (issue 28): a host that does not resolve or is not this machine's is said to be so (not "the port
 * is in use"); and what a killed process left — upload temp files in its directory, sqlite-jdbc's unpacked native
 * library in the data directory — is gone after the next start: a real JVM started, killed with SIGKILL, started
 * again.
 */
class StartUpTest {
    @TempDir
    Path tmp;

    @Test
    void aHostThatIsNotThisMachinesIsSaidToBeSo() {
        var unknown = assertThrows(TertialException.Invalid.class,
                () -> ServeCommand.requireFreePort("no.such.host.invalid", 0));
        assertTrue(unknown.getMessage().contains("finns inte"), unknown.getMessage());
        var foreign = assertThrows(TertialException.Invalid.class,
                () -> ServeCommand.requireFreePort("203.0.113.7", 0));
        assertTrue(foreign.getMessage().contains("hör inte till den här datorn"), foreign.getMessage());
    }

    private Process serve(Path data, Path temp, int port) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"), "se.tertial.cli.Main",
                "serve", "--data=" + data, "--templates=workbook-templates", "--host=127.0.0.1", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve-" + port + ".log").toFile()).start();
    }

    private static void awaitHealth(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/health")).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not answer");
    }

    private static long libraries(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().matches("sqlite-.*libsqlitejdbc\\.so")).count();
        }
    }

    @Test
    void whatAKilledProcessLeftIsGoneAfterTheNextStart() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path temp = Files.createDirectories(tmp.resolve("tmp"));
        // What a process killed mid-upload leaves: its upload in its own directory (its pid no longer runs), and
        // copies of the native library unpacked by earlier runs.
        Path dead = Files.createDirectories(temp.resolve("tertial").resolve("2147483646"));
        Files.write(dead.resolve("upload-1.bin"), new byte[1024]);
        for (String uuid : List.of("a", "b", "c")) {
            Files.write(data.resolve("sqlite-3.0.0-" + uuid + "-libsqlitejdbc.so"), new byte[16]);
            Files.write(data.resolve("sqlite-3.0.0-" + uuid + "-libsqlitejdbc.so.lck"), new byte[0]);
        }
        int port = se.tertial.testkit.TestServer.freePort();
        Process first = serve(data, temp, port);
        try {
            awaitHealth(port);
            assertEquals(List.of(), Files.list(temp.resolve("tertial")).filter(p -> p.getFileName().toString()
                    .equals("2147483646")).toList(), "the dead process's uploads are gone");
            assertEquals(1, libraries(data), "one native library: this process's");
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: nothing of its own is cleaned
        }
        assertEquals(1, libraries(data), "the killed process's copy is still there");
        Process second = serve(data, temp, port);
        Path secondsUploads = temp.resolve("tertial").resolve(Long.toString(second.pid()));
        try {
            awaitHealth(port);
            assertEquals(1, libraries(data), "at most one native library after the restart");
            // Killed mid-upload: a large workbook is being read (its temp file exists) when SIGKILL comes.
            String key = Files.readString(data.resolve("admin-token.txt")).strip();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/periods")).header("Authorization", "Bearer " + key).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"code\":\"2022-T2\",\"deadline\":\"2099-09-09\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            byte[] valid = se.tertial.testkit.FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            byte[] large = se.tertial.testkit.HostileCorpus.build(valid, valid, valid).stream()
                    .filter(c -> c.name().equals("one-million-cells")).findFirst().orElseThrow().bytes();
            Thread upload = new Thread(() -> {
                try {
                    String boundary = "b" + System.nanoTime();
                    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"stor.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    body.writeBytes(large);
                    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/submissions")).header("Authorization", "Bearer " + key)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // the server is killed under it
                }
            });
            upload.setDaemon(true);
            upload.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean reading = false;
            while (!reading && System.nanoTime() < until) {
                reading = Files.isDirectory(secondsUploads) && Files.list(secondsUploads).findAny().isPresent();
                Thread.sleep(5);
            }
            assertTrue(reading, "the upload's temp file appeared");
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.isDirectory(secondsUploads), "the killed upload left its file");
        Process third = serve(data, temp, port);
        try {
            awaitHealth(port);
            assertFalse(Files.exists(secondsUploads), "gone after the next start");
            assertEquals(1, libraries(data), "one native library");
        } finally {
            third.destroy();
            third.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
