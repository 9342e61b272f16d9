package org.tongban.auth;

import java.time.Instant;

/** A new bearer token, shown to its owner once; the server keeps only its hash. */
public record IssuedToken(String token, String tokenType, Instant expiresAt, long expiresIn) {
}
