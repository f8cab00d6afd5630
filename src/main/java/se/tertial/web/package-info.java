/**
 * The server-rendered Swedish pages (JTE) for controllers, finance and the administrator, with their forms, static
 * files and access per role and unit; it calls {@code app} for every decision and stores nothing itself.
 */
package se.tertial.web;
