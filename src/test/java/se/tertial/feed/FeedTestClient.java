package se.tertial.feed;

import se.tertial.testkit.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to the feed as Power Query sends them: its Accept, OData-MaxVersion and User-Agent, a Basic key. */
final class FeedTestClient {
    static final String PQ_ACCEPT = "application/json;odata.metadata=minimal;q=1.0,application/json;"
            + "odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,"
            + "application/xml;q=0.7,text/plain;q=0.7";

    private FeedTestClient() {}

    static HttpResponse<byte[]> get(TestServer s, String pathAndQuery, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.uri("").toString().replaceAll("/$", "")
                + pathAndQuery)).header("Accept", PQ_ACCEPT).header("OData-MaxVersion", "4.0")
                .header("User-Agent", "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)");
        if (key != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("excel:" + key)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return s.send(b.GET().build());
    }
}
