package se.tertial.feed;

import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;

/** The feed's test client for tests in other packages. */
public final class FeedTestAccess {
    private FeedTestAccess() {}

    public static HttpResponse<byte[]> get(TestServer s, String pathAndQuery, String key) {
        return FeedTestClient.get(s, pathAndQuery, key);
    }
}
