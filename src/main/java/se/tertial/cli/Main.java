package se.tertial.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.tertial.app.Version;
import se.tertial.spec.SpecException;

/** {@code java -jar tertial.jar <command>}. */
@Command(name = "tertial", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Tertialrapportering för regioner: mallar, validerad inläsning och sammanställning.",
        subcommands = {ServeCommand.class, TemplateCommand.class, ReportCommand.class, BulkLoadCommand.class, StoreCommand.class,
                UserCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; used by tests too. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SpecException || e instanceof se.tertial.app.TertialException
                    || e instanceof se.tertial.store.StoreStartupException) {
                cmd.getErr().println(e.getMessage());
                return 2;
            }
            if (e instanceof se.tertial.store.StoreException) {
                cmd.getErr().println("tertial kan inte använda databasen: " + se.tertial.spec.LogText.safe(
                        String.valueOf(rootMessage(e))));
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tertial " + Version.get()};
        }
    }
}
