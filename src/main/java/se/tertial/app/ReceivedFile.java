package se.tertial.app;

import se.tertial.spec.ApiText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file copied to a private temp file (POI opens uploads from a file, never from a stream held in memory
 * twice), with its exact bytes and SHA-256. Delete it with {@link #close()}.
 */
public record ReceivedFile(String fileName, Path file, byte[] bytes, String sha256, boolean temporary)
        implements AutoCloseable {

    /** A file already on disk (bulk loading a directory): read in place, never deleted. */
    public static ReceivedFile existing(String fileName, Path file, byte[] bytes) {
        return new ReceivedFile(fileName, file, bytes, sha256(bytes), false);
    }

    /** Copies at most {@code maxBytes}; more is refused as too large. */
    public static ReceivedFile receive(String fileName, InputStream in, long maxBytes) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TertialException.TooLarge(ApiText.fileTooLarge(maxBytes));
            }
            Path file = TempFiles.create("upload-");
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new ReceivedFile(fileName, file, bytes, sha256(bytes), true);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new TertialException.StorageFull();
            }
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless; the OS cleans its temp directory.
        }
    }
}
