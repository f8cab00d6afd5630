package se.tertial.app;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file for download written straight to the response as it is made, so its size does not decide the memory it
 * takes (a region's zip of templates). Everything that can refuse the request is checked before one is returned.
 */
public record StreamedFile(String fileName, String contentType, Body body) {
    /** Writes the file's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
