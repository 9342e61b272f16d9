package org.tongban.cases;

/** A material file as uploaded, before it is checked against the service guide. */
public record MaterialUpload(String code, String fileName, String contentType, byte[] content) {
}
