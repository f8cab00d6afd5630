package se.tertial.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the HTTP service and blocks until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Startar tertial som webbtjänst.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "${env:TERTIAL_PORT:-7070}",
            description = "TCP-port (standard: ${DEFAULT-VALUE}, env TERTIAL_PORT).")
    int port;

    @Option(names = "--host", defaultValue = "${env:TERTIAL_HOST:-0.0.0.0}",
            description = "Adress att lyssna på (standard: ${DEFAULT-VALUE}, env TERTIAL_HOST).")
    String host;

    @Option(names = "--public-url", defaultValue = "${env:TERTIAL_PUBLIC_URL}",
            description = "Adressen användarna når tjänsten på; skrivs in i mallarnas instruktioner "
                    + "(standard: http://localhost:<port>, env TERTIAL_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--sheet-password", defaultValue = "${env:TERTIAL_SHEET_PASSWORD:-tertial}",
            description = "Lösenord för bladskyddet i mallarna (skydd mot misstag, ingen hemlighet; env "
                    + "TERTIAL_SHEET_PASSWORD).")
    String sheetPassword;

    @Option(names = "--max-upload-mb", defaultValue = "${env:TERTIAL_MAX_UPLOAD_MB:-20}",
            description = "Största uppladdning i MB (standard: ${DEFAULT-VALUE}, env TERTIAL_MAX_UPLOAD_MB).")
    int maxUploadMb;

    @Override
    public Integer call() throws InterruptedException {
        Config config = store.config(host, port, publicUrl, sheetPassword, maxUploadMb * 1024L * 1024L);
        Tertial app = Tertial.open(config);
        app.users().bootstrapAdmin(config.dataDir()).ifPresent(token -> System.out.println(
                "Första start: administratören \"admin\" har skapats. API-nyckel (visas bara nu, finns också i "
                        + config.dataDir().resolve(se.tertial.app.UserService.ADMIN_TOKEN_FILE).toAbsolutePath()
                        + "):\n  " + token));
        Javalin server = HttpApi.create(app).start(config.host(), config.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            app.close();
            stopped.countDown();
        }, "tertial-shutdown"));
        System.out.println("tertial " + se.tertial.app.Version.get() + " kör på http://localhost:" + server.port()
                + "  (databas: " + config.databaseFile().toAbsolutePath() + ", mallar: "
                + config.templatesDir().toAbsolutePath() + ")");
        stopped.await();
        return 0;
    }
}
