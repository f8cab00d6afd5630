package se.tertial.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import se.tertial.app.ReceivedFile;
import se.tertial.app.TertialException;
import se.tertial.spec.PageText;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The files of a page's upload form (field {@code fil}), each copied to a private temp file within the limit. */
final class PageFiles {
    static final String FIELD = "fil";

    private PageFiles() {}

    /** The chosen files' parts; a form without any is a Swedish 400. */
    static List<UploadedFile> chosen(Context ctx) {
        List<UploadedFile> files = ctx.uploadedFiles(FIELD);
        if (files.isEmpty()) {
            throw new TertialException.Invalid(PageText.NO_FILE_CHOSEN);
        }
        return files;
    }

    static ReceivedFile receive(UploadedFile part, long maxBytes) {
        try (InputStream in = part.content()) {
            return ReceivedFile.receive(part.filename(), in, maxBytes);
        } catch (IOException e) {
            throw new TertialException.Invalid(PageText.NO_FILE_CHOSEN);
        }
    }
}
