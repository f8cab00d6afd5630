package se.tertial.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.tertial.app.Version;
import se.tertial.spec.SpecException;

/** {@code java -jar tertial.jar <command>}. */
@Command(name = "tertial", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Tertialrapportering för regioner: mallar, validerad inläsning och sammanställning.")
public final class Main {
    /**
     * The commands, in the order help lists them. Only the one a command line names is made and given to picocli:
     * building the model of all of them (their options, defaults and mixins, by reflection) cost every start a
     * tenth of a second or more; help and a mistyped command still see them all.
     */
    private static final java.util.List<String> COMMANDS = java.util.List.of("serve", "template", "report",
            "bulk-load", "store", "user", "bench");

    private static Object command(String name) {
        return switch (name) {
            case "serve" -> new ServeCommand();
            case "template" -> new TemplateCommand();
            case "report" -> new ReportCommand();
            case "bulk-load" -> new BulkLoadCommand();
            case "store" -> new StoreCommand();
            case "user" -> new UserCommand();
            case "bench" -> new BenchCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; used by tests too. */
    public static int run(String... args) {
        se.tertial.app.StartTrace.mark("JVM started");
        String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        ReadAhead.start(named, args); // before picocli's first model, which alone takes a tenth of a second
        CommandLine cli = new CommandLine(new Main());
        if (COMMANDS.contains(named)) {
            cli.addSubcommand(named, command(named));
        } else {
            addAll(cli);
        }
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

    /** The whole command line, every command and option, as help shows it (and as the docs' test checks them). */
    public static CommandLine commandLine() {
        return addAll(new CommandLine(new Main()));
    }

    private static CommandLine addAll(CommandLine cli) {
        COMMANDS.forEach(name -> cli.addSubcommand(name, command(name)));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        return cli;
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
