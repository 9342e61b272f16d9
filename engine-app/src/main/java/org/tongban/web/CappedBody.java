package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.tongban.shared.DomainException;

/**
 * A request body read with a cap, for endpoints that take a document as their body (BPMN, form schemas): a
 * hostile client cannot make us buffer more than the limit. Refused (by the caller's 4xx) when the declared length
 * is over the limit, or when more than the limit arrives without one (chunked).
 */
public final class CappedBody {

    private CappedBody() {
    }

    public static byte[] read(HttpServletRequest request, int maxBytes, Supplier<DomainException> tooLarge) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge.get();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1); // one byte more tells an over-long body
        }
        if (body.length > maxBytes) {
            throw tooLarge.get();
        }
        return body;
    }
}
