/**
 * OpenID Connect with the region's provider by Nimbus (discovery, the authorization request with PKCE, the code
 * exchange, the ID token's validation), handing validated claims to {@code app.SsoService}; it keeps no token and
 * decides nobody's rights.
 */
package se.tertial.sso;
