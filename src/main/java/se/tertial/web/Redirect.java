package se.tertial.web;

/** Ends a page request with a redirect (303, so a form post is followed by a GET). */
final class Redirect extends RuntimeException {
    final String to;

    Redirect(String to) {
        super(to, null, false, false);
        this.to = to;
    }
}
