package se.tertial.feed;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.spec.ApiText;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every error of the feed as an OData JSON error body in Swedish: our own refusals keep their message; Olingo's
 * (an address it cannot parse, a set or property that does not exist, a format it cannot write) say in Swedish
 * what the feed understands. A client's mistake is never a 5xx: "not implemented" becomes 400.
 */
final class FeedErrors implements ErrorProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(FeedErrors.class);
    /** Olingo's refusals that have a message of their own here. */
    private static final java.util.Set<String> SEMANTIC = java.util.Set.of("TYPES_NOT_COMPATIBLE",
            "PROPERTY_NOT_IN_TYPE", "EXPRESSION_PROPERTY_NOT_IN_TYPE");

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        // nothing to keep
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error,
                             ContentType format) {
        int status = error.getStatusCode();
        String message;
        if (error.getException() instanceof ODataApplicationException) {
            message = error.getMessage();
        } else if (status >= 500 && status != 501) {
            LOG.error("feed: failed on {}", request.getRawODataPath(), error.getException());
            message = ApiText.feedFailed();
        } else if (error.getException() instanceof ODataLibraryException e && e.getMessageKey() != null
                && SEMANTIC.contains(e.getMessageKey().getKey())) {
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([^']{1,100})'")
                    .matcher(String.valueOf(e.getTranslatedMessage(java.util.Locale.ENGLISH).getMessage()));
            message = e.getMessageKey().getKey().equals("TYPES_NOT_COMPATIBLE") ? ApiText.feedTypesDiffer()
                    : ApiText.feedUnknownProperty(quoted.find() ? quoted.group(1) : "?");
        } else {
            message = switch (status) {
                case 404 -> ApiText.feedNotFound();
                case 406, 415 -> ApiText.feedNotAcceptable();
                default -> ApiText.feedBadRequest();
            };
        }
        if (status == 501) {
            status = 400;
        }
        response.setStatusCode(status);
        response.setHeader(HttpHeader.CONTENT_TYPE, "application/json;odata.metadata=minimal");
        response.setContent(new ByteArrayInputStream(FeedHttp.errorBody(status, message)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
