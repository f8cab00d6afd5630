package se.tertial.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tertial.app.Config;
import se.tertial.app.Limits;
import se.tertial.app.TertialException;
import se.tertial.spec.CliText;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the HTTP service and blocks until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Startar tertial som webbtjänst.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    SsoOptions sso;

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

    @Option(names = "--upload-timeout-s", defaultValue = "${env:TERTIAL_UPLOAD_TIMEOUT_S:-20}",
            description = "Längsta tid att läsa och kontrollera en uppladdning, i sekunder (standard: "
                    + "${DEFAULT-VALUE}, env TERTIAL_UPLOAD_TIMEOUT_S).")
    int uploadTimeoutSeconds;

    @Option(names = "--uploads-per-minute", defaultValue = "${env:TERTIAL_UPLOADS_PER_MINUTE:-60}",
            description = "Uppladdningar per API-nyckel och per klientadress och minut (standard: ${DEFAULT-VALUE}).")
    int uploadsPerMinute;

    @Option(names = "--failed-keys-per-minute", defaultValue = "${env:TERTIAL_FAILED_KEYS_PER_MINUTE:-20}",
            description = "Felaktiga API-nycklar per klientadress och minut innan adressen får vänta; en giltig nyckel "
                    + "släpps alltid igenom (standard: ${DEFAULT-VALUE}).")
    int failedKeysPerMinute;

    @Option(names = "--rejected-mb-per-day", defaultValue = "${env:TERTIAL_REJECTED_MB_PER_DAY:-100}",
            description = "MB avvisade filer som sparas per användare och dygn (standard: ${DEFAULT-VALUE}).")
    int rejectedMbPerDay;

    @Option(names = "--max-database-mb", defaultValue = "${env:TERTIAL_MAX_DATABASE_MB:-0}",
            description = "Största databas i MB; 0 = ingen gräns utöver diskens (standard: ${DEFAULT-VALUE}).")
    long maxDatabaseMb;

    @Option(names = "--feed-page-rows", defaultValue = "${env:TERTIAL_FEED_PAGE_ROWS:-5000}",
            description = "Rader per sida i OData-flödet till Excel; resten följer via nästa-länken (standard: "
                    + "${DEFAULT-VALUE}).")
    int feedPageRows;

    @Option(names = "--smtp-host", defaultValue = "${env:TERTIAL_SMTP_HOST}",
            description = "E-postserver för påminnelser och besked; utan den skickas ingen e-post (env TERTIAL_SMTP_HOST).")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "${env:TERTIAL_SMTP_PORT:-587}",
            description = "E-postserverns port (standard: ${DEFAULT-VALUE}, env TERTIAL_SMTP_PORT).")
    int smtpPort;

    @Option(names = "--smtp-security", defaultValue = "${env:TERTIAL_SMTP_SECURITY:-starttls}",
            description = "starttls, tls eller none (standard: ${DEFAULT-VALUE}, env TERTIAL_SMTP_SECURITY).")
    String smtpSecurity;

    @Option(names = "--smtp-user", defaultValue = "${env:TERTIAL_SMTP_USER}",
            description = "Användarnamn hos e-postservern (env TERTIAL_SMTP_USER). Lösenordet: env "
                    + "TERTIAL_SMTP_PASSWORD eller --smtp-password-file, aldrig på kommandoraden.")
    String smtpUser;

    @Option(names = "--smtp-password-file", defaultValue = "${env:TERTIAL_SMTP_PASSWORD_FILE}",
            description = "Fil med lösenordet till e-postservern (env TERTIAL_SMTP_PASSWORD_FILE).")
    java.nio.file.Path smtpPasswordFile;

    @Option(names = "--smtp-from", defaultValue = "${env:TERTIAL_SMTP_FROM}",
            description = "Avsändaradress, t.ex. tertial@region.se (env TERTIAL_SMTP_FROM).")
    String smtpFrom;

    @Option(names = "--reminder-days", split = ",", defaultValue = "${env:TERTIAL_REMINDER_DAYS:-5,1}",
            description = "Påminn så många dagar före sista dag (standard: ${DEFAULT-VALUE}, env TERTIAL_REMINDER_DAYS).")
    java.util.List<Integer> reminderDays;

    @Option(names = "--reminder-days-after", defaultValue = "${env:TERTIAL_REMINDER_DAYS_AFTER:-1}",
            description = "Påminn så många dagar efter sista dag; 0 = ingen (standard: ${DEFAULT-VALUE}).")
    int reminderDaysAfter;

    @Override
    public Integer call() throws InterruptedException {
        se.tertial.app.StartTrace.mark("command line read");
        Config config = config();
        requireFreePort(config.host(), config.port());
        se.tertial.app.StartTrace.mark("port free");
        Tertial app = Tertial.open(config);
        Javalin server;
        try {
            // The first administrator's key and one-time password (Argon2, a few hundred milliseconds on a fresh store)
            // are made beside the routes, and done before the server listens.
            java.util.concurrent.FutureTask<String> bootstrap = new java.util.concurrent.FutureTask<>(
                    () -> bootstrapAdmin(app, config));
            Thread t = new Thread(bootstrap, "tertial-bootstrap");
            t.setDaemon(true);
            t.start();
            Javalin made = HttpApi.create(app, new se.tertial.feed.FeedHttp(app), new se.tertial.web.WebApp(app));
            se.tertial.app.StartTrace.mark("routes made");
            System.out.print(se.tertial.app.Futures.result(bootstrap));
            se.tertial.app.StartTrace.mark("administrator's key and password");
            server = made.start(config.host(), config.port());
            se.tertial.app.StartTrace.mark("listening");
            // A few seconds on: made at once, its cold Argon2 hash took the CPU the first requests need.
            java.util.concurrent.CompletableFuture.runAsync(app.auth()::prepareForSignIns,
                    java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            app.close();
            if (isBindFailure(e)) {
                throw new TertialException.Invalid(CliText.portInUse(config.host(), config.port()));
            }
            throw e;
        }
        java.util.concurrent.ScheduledExecutorService schedule = remindersOn(app, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (schedule != null) {
                schedule.shutdownNow();
            }
            server.stop();
            app.close();
            stopped.countDown();
        }, "tertial-shutdown"));
        System.out.println("tertial " + se.tertial.app.Version.get() + " kör på http://localhost:" + server.port()
                + "  (databas: " + (app.database().dialect() == se.tertial.store.Database.Dialect.POSTGRESQL
                ? "PostgreSQL " + app.database().where() : config.databaseFile().toAbsolutePath()) + ", mallar: "
                + config.templatesDir().toAbsolutePath() + ")");
        stopped.await();
        return 0;
    }

    /** Makes the first administrator's key and one-time password when there are none; returns what to print. */
    private static String bootstrapAdmin(Tertial app, Config config) {
        StringBuilder text = new StringBuilder();
        java.nio.file.Path tokenFile = config.dataDir().resolve(se.tertial.app.UserService.ADMIN_TOKEN_FILE);
        var created = app.users().bootstrapAdmin(config.dataDir());
        created.ifPresentOrElse(c -> text.append(CliText.adminCreated(c.user().name(),
                tokenFile.toAbsolutePath().toString(), c.token())).append("\n")
                .append(CliText.adminTokenFileStillThere(tokenFile)).append("\n"), () -> {
            if (java.nio.file.Files.exists(tokenFile)) {
                text.append(CliText.adminTokenFileStillThere(tokenFile)).append("\n");
            }
        });
        String adminName = created.map(c -> c.user().name()).orElse("admin");
        app.auth().bootstrapAdminPassword(config.dataDir(), adminName).ifPresent(password -> text.append(
                "Logga in på " + config.publicUrl() + "/ som \"" + adminName + "\" med engångslösenordet (visas "
                        + "bara nu, finns också i " + config.dataDir().resolve(
                        se.tertial.app.AuthService.ADMIN_PASSWORD_FILE).toAbsolutePath() + "):\n  " + password
                        + "\nDu väljer ett eget lösenord vid första inloggningen.\n"));
        return text.toString();
    }


    /** Every flag checked before anything starts, each with a Swedish message (exit code 2). */
    private Config config() {
        if (port < 1 || port > 65535) {
            throw new TertialException.Invalid(CliText.invalidPort(port));
        }
        if (maxUploadMb < 1 || maxUploadMb > 1024) {
            throw new TertialException.Invalid(CliText.invalidUploadLimit(maxUploadMb));
        }
        if (uploadTimeoutSeconds < 1) {
            throw new TertialException.Invalid(CliText.invalidLimit("--upload-timeout-s", "" + uploadTimeoutSeconds));
        }
        if (failedKeysPerMinute < 1) {
            throw new TertialException.Invalid(CliText.invalidLimit("--failed-keys-per-minute",
                    "" + failedKeysPerMinute));
        }
        if (uploadsPerMinute < 1) {
            throw new TertialException.Invalid(CliText.invalidLimit("--uploads-per-minute", "" + uploadsPerMinute));
        }
        if (rejectedMbPerDay < 0 || maxDatabaseMb < 0) {
            throw new TertialException.Invalid(CliText.invalidLimit("--rejected-mb-per-day/--max-database-mb",
                    rejectedMbPerDay + "/" + maxDatabaseMb));
        }
        if (feedPageRows < 1 || feedPageRows > 100_000) {
            throw new TertialException.Invalid(CliText.invalidLimit("--feed-page-rows", "" + feedPageRows));
        }
        Limits limits = Limits.DEFAULTS.withUploadTimeout(java.time.Duration.ofSeconds(uploadTimeoutSeconds))
                .withRates(uploadsPerMinute, failedKeysPerMinute)
                .withRejectedBytesPerDay(rejectedMbPerDay * 1024L * 1024L)
                .withMaxDatabaseBytes(maxDatabaseMb * 1024L * 1024L).withFeedPageRows(feedPageRows);
        return store.config(host, port, publicUrl, sheetPassword, maxUploadMb * 1024L * 1024L).withLimits(limits)
                .withMail(mail()).withSso(sso.config());
    }

    /** The SMTP settings; without a host, e-mail is off. */
    private se.tertial.app.MailConfig mail() {
        if (smtpHost == null || smtpHost.isBlank()) {
            return se.tertial.app.MailConfig.OFF;
        }
        String password = System.getenv("TERTIAL_SMTP_PASSWORD");
        if (smtpPasswordFile != null) {
            try {
                password = java.nio.file.Files.readString(smtpPasswordFile).strip();
            } catch (java.io.IOException e) {
                throw new TertialException.Invalid(CliText.unreadableFile("--smtp-password-file", smtpPasswordFile));
            }
        }
        try {
            return new se.tertial.app.MailConfig(smtpHost, smtpPort, se.tertial.app.MailConfig.Security.parse(
                    smtpSecurity), smtpUser, password, smtpFrom, reminderDays, reminderDaysAfter,
                    java.time.Duration.ofMinutes(15));
        } catch (IllegalArgumentException e) {
            throw new TertialException.Invalid(e.getMessage());
        }
    }

    /** With e-mail configured, looks for due reminders a minute after start and then every quarter of an hour. */
    private static java.util.concurrent.ScheduledExecutorService remindersOn(Tertial app, Config config) {
        if (!config.mail().enabled()) {
            return null;
        }
        var s = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tertial-reminders");
            t.setDaemon(true);
            return t;
        });
        long every = config.mail().every().toSeconds();
        s.scheduleWithFixedDelay(() -> {
            try {
                int sent = app.reminders().run();
                if (sent > 0) {
                    System.out.println("Skickade " + sent + " påminnelser.");
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("reminders failed: {}", e.toString());
            }
        }, 60, every, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("E-post via " + config.mail().host() + ":" + config.mail().port() + " från "
                + config.mail().from() + "; påminnelser " + config.mail().daysBefore() + " dagar före och "
                + config.mail().daysAfter() + " efter sista dag.");
        return s;
    }

    /** Checked before anything starts, so a busy port is one clear line rather than Jetty's log of its failure. */
    /** Refuses a host that does not resolve or is not this machine's, and a port in use, each in its own words. */
    static void requireFreePort(String host, int port) {
        java.net.InetSocketAddress address = new java.net.InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new TertialException.Invalid(CliText.hostUnknown(host));
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (java.net.BindException e) {
            String why = String.valueOf(e.getMessage());
            throw new TertialException.Invalid(why.contains("assign") ? CliText.hostNotLocal(host)
                    : CliText.portInUse(host, port));
        } catch (java.io.IOException e) {
            throw new TertialException.Invalid(CliText.portInUse(host, port));
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().contains("Bind")) {
                return true;
            }
        }
        return false;
    }
}
