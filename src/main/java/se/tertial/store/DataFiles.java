package se.tertial.store;

import se.tertial.spec.CliText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The data directory and the database files: the directory is made (or tightened to) 0700 and the database, its
 * WAL and shared-memory files 0600, so no other local user can read figures, originals or key hashes. SQLite gives
 * -wal and -shm the database file's own permissions. sqlite-jdbc unpacks its native library into the data
 * directory rather than a temp directory that may be full. What makes the store unusable is explained in Swedish.
 */
final class DataFiles {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DataFiles() {}

    static void prepare(Path file) {
        Path db = file.toAbsolutePath();
        Path dir = db.getParent();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StoreStartupException(CliText.dataDirIsFile(dir), null);
            }
            if (!Files.exists(dir)) {
                createDirectories(dir);
            } else {
                posix(dir, DIR);
            }
            if (!Files.isWritable(dir)) {
                throw new StoreStartupException(CliText.dataDirReadOnly(dir), null);
            }
            if (Files.isDirectory(db)) {
                throw new StoreStartupException(CliText.databaseIsDirectory(db), null);
            }
            if (Files.exists(db)) {
                if (!isSqlite(db)) {
                    throw new StoreStartupException(CliText.databaseNotSqlite(db), null);
                }
                restrict(db);
            } else {
                try {
                    Files.createFile(db, PosixFilePermissions.asFileAttribute(FILE));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(db);
                }
            }
            // Set only now, when the directory is known to be usable: the first connection of the process loads
            // the library kept there, or (when it cannot be kept) unpacks it there (later ones find it loaded).
            if (!NativeLibrary.keepIn(dir) && System.getProperty("org.sqlite.tmpdir") == null) {
                NativeLibrary.removeOthers(dir, null);
                System.setProperty("org.sqlite.tmpdir", dir.toString());
            }
        } catch (StoreStartupException e) {
            throw e;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new StoreStartupException(CliText.dataDirReadOnly(dir), e);
        } catch (IOException e) {
            throw new StoreStartupException(CliText.dataDirUnusable(dir, String.valueOf(
                    e instanceof FileSystemException f ? f.getReason() : e.getMessage())), e);
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Owner-only permissions on the database and its companions, wherever they came from. */
    static void restrict(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path f = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(f)) {
                try {
                    posix(f, FILE);
                } catch (IOException e) {
                    // a file we cannot chmod is one we do not own; SQLite will say so if it matters
                }
            }
        }
    }

    private static void posix(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(p).equals(perms)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs apply
        }
    }

    static boolean isSqlite(Path db) {
        try {
            return hasSqliteHeader(db);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasSqliteHeader(Path db) throws IOException {
        if (Files.size(db) == 0) {
            return true; // created but never written: SQLite initialises it
        }
        try (InputStream in = Files.newInputStream(db)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /** A failure to open or migrate, in Swedish when it is a known one. */
    static RuntimeException explain(Path file, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
                return new StoreStartupException(CliText.databaseNotSqlite(file.toAbsolutePath()), e);
            }
            if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN") || m.contains("readonly")) {
                return new StoreStartupException(CliText.dataDirReadOnly(file.toAbsolutePath().getParent()), e);
            }
            if (m.contains("SQLITE_FULL") || m.contains("No space left")) {
                return new StoreStartupException(CliText.diskFull(file.toAbsolutePath().getParent()), e);
            }
        }
        return e;
    }
}
