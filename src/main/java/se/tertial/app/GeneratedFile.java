package se.tertial.app;

/** A file to hand to the user: its suggested name, content type and bytes. */
public record GeneratedFile(String fileName, String contentType, byte[] bytes) {}
