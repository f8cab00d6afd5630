package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.Tertial;
import se.tertial.store.ApiKey;
import se.tertial.store.UserRepository;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code user add} and {@code user list}: manage users without a running server. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Hanterar användare och API-nycklar.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.KeyAdd.class,
                UserCommand.KeyList.class, UserCommand.KeyRevoke.class, UserCommand.RotateKey.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Skapar en användare och skriver ut dess API-nyckel (visas bara en gång).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--name", required = true, description = "Användarens namn, t.ex. anna.andersson.")
        String name;

        @Option(names = "--role", required = true, description = "controller, finance eller admin.")
        String role;

        @Option(names = "--units", split = ",", description = "Enheter en controller får lämna för, t.ex. FS-MED,FS-KIR.")
        List<String> units;

        @Override
        public Integer call() {
            try (Tertial app = Tertial.open(store.offline())) {
                UserRepository.Created c = app.users().add(se.tertial.app.Actor.commandLine(), name, role,
                        units == null ? List.of() : units);
                spec.commandLine().getOut().println("Skapade " + c.user().role().dbValue() + " \"" + c.user().name()
                        + "\"" + (c.user().units().isEmpty() ? "" : " för " + String.join(",",
                        c.user().units().stream().map(Object::toString).sorted().toList())) + ".");
                spec.commandLine().getOut().println("API-nyckel (visas bara nu): " + c.token());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Listar användarna.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Tertial app = Tertial.open(store.offline())) {
                app.users().list().forEach(u -> spec.commandLine().getOut().println(u.name() + "\t"
                        + u.role().dbValue() + "\t" + String.join(",", u.units().stream().map(Object::toString)
                        .sorted().toList())));
            }
            return 0;
        }
    }

    /** A command on one user's keys: opens the store, runs, closes it. */
    abstract static class OnUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--name", required = true, description = "Användarens namn.")
        String name;

        abstract void run(Tertial app, java.io.PrintWriter out);

        @Override
        public Integer call() {
            try (Tertial app = Tertial.open(store.offline())) {
                run(app, spec.commandLine().getOut());
            }
            return 0;
        }
    }

    @Command(name = "key-add", mixinStandardHelpOptions = true,
            description = "Skapar ytterligare en API-nyckel för en användare (visas bara en gång).")
    static final class KeyAdd extends OnUser {
        @Option(names = "--key-name", description = "Vad nyckeln är till för, t.ex. \"inläsningsskript\".")
        String keyName;

        @Override
        void run(Tertial app, java.io.PrintWriter out) {
            UserRepository.NewKey k = app.users().addKey(se.tertial.app.Actor.commandLine(), name, keyName);
            out.println("Ny nyckel (id " + k.id() + ") för \"" + name + "\" (visas bara nu): " + k.token());
        }
    }

    @Command(name = "key-list", mixinStandardHelpOptions = true, description = "Listar en användares API-nycklar.")
    static final class KeyList extends OnUser {
        @Override
        void run(Tertial app, java.io.PrintWriter out) {
            for (ApiKey k : app.users().keys(name)) {
                out.println(k.id() + "\t" + k.name() + "\tskapad " + k.createdAt() + "\tsenast använd "
                        + k.lastUsedAt().map(Object::toString).orElse("aldrig") + "\t"
                        + k.revokedAt().map(t -> "återkallad " + t).orElse("aktiv"));
            }
        }
    }

    @Command(name = "key-revoke", mixinStandardHelpOptions = true,
            description = "Återkallar en API-nyckel; den slutar gälla genast.")
    static final class KeyRevoke extends OnUser {
        @Option(names = "--id", required = true, description = "Nyckelns id (se key-list).")
        long id;

        @Override
        void run(Tertial app, java.io.PrintWriter out) {
            app.users().revokeKey(se.tertial.app.Actor.commandLine(), name, id);
            out.println("Nyckel " + id + " för \"" + name + "\" är återkallad.");
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Återkallar alla en användares nycklar och skapar en ny (visas bara en gång).")
    static final class RotateKey extends OnUser {
        @Option(names = "--key-name", description = "Vad den nya nyckeln är till för.")
        String keyName;

        @Override
        void run(Tertial app, java.io.PrintWriter out) {
            UserRepository.NewKey k = app.users().rotateKey(se.tertial.app.Actor.commandLine(), name, keyName);
            out.println("Alla tidigare nycklar för \"" + name + "\" är återkallade. Ny nyckel (id " + k.id()
                    + ", visas bara nu): " + k.token());
        }
    }
}
