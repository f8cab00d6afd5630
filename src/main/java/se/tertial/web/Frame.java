package se.tertial.web;

import java.util.List;

/**
 * What every page shows around its content: the title, who is signed in and as what, the navigation, the CSRF
 * token for its forms and the version in the footer.
 */
public record Frame(String title, String userName, String roleName, String csrf, String version, List<Nav> nav) {
    /** A navigation link; {@code current} marks the page being shown (aria-current). */
    public record Nav(String href, String label, boolean current) {}

    public boolean signedIn() {
        return userName != null;
    }
}
