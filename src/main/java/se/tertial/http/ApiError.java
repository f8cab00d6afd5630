package se.tertial.http;

/** The JSON body of every error response: HTTP status, a stable machine code and a Swedish message. */
public record ApiError(int status, String error, String message) {}
