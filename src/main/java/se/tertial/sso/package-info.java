/**
 * OpenID Connect with the region's provider, by Nimbus: discovery, the authorization request with PKCE, the code
 * exchange and the ID token's validation; it hands validated claims to {@code app.SsoService} and keeps no token.
 */
package se.tertial.sso;
