package se.tertial.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;

/**
 * sqlite-jdbc's native library, kept once in the data directory under a name that carries its CRC-32 and loaded
 * from there at every start. Left to itself, sqlite-jdbc unpacks the library (1.1 MB) under a new random name at
 * each start, compares it byte by byte with the jar's copy and deletes it at exit; that was about a tenth of a
 * second of every start (measured: 245 ms → 100 ms for the first connection). The kept copy is used only when its
 * size and CRC-32 equal the jar entry's (read from the jar's index, nothing unpacked); otherwise it is unpacked
 * again to a temporary name and moved into place atomically, so two processes starting at once both end up with
 * the same whole file. Whatever goes wrong here, sqlite-jdbc's own unpacking takes over.
 */
final class NativeLibrary {
    private NativeLibrary() {}

    /** Makes the next first connection of this JVM load the library from {@code dir}; false when it could not. */
    static boolean keepIn(Path dir) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return true;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = "org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                    + name;
            URL url = NativeLibrary.class.getClassLoader().getResource(resource);
            if (url == null) {
                return false;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar) || jar.getJarEntry().getCrc() < 0
                    || jar.getJarEntry().getSize() < 0) {
                return false;
            }
            long crc = jar.getJarEntry().getCrc();
            long size = jar.getJarEntry().getSize();
            Path kept = dir.resolve("sqlite-" + Long.toHexString(crc) + "-" + name);
            if (!(Files.isRegularFile(kept) && Files.size(kept) == size && crc(kept) == crc)) {
                Path partial = dir.resolve(kept.getFileName() + ".part-" + ProcessHandle.current().pid());
                try (InputStream in = url.openStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its ACLs apply
                }
                if (crc(partial) != crc) {
                    Files.deleteIfExists(partial);
                    return false;
                }
                Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            removeOthers(dir, kept);
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", kept.getFileName().toString());
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Other copies in {@code dir}: an earlier build's kept library, or one sqlite-jdbc unpacked under a random name
     * for a process that was killed before it could delete it. A copy a live process has loaded stays usable to it
     * (its mapping outlives the name).
     */
    static void removeOthers(Path dir, Path kept) throws IOException {
        try (java.nio.file.DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "sqlite-*libsqlitejdbc*")) {
            for (Path p : copies) {
                if (!p.equals(kept)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }
}
