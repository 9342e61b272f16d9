package org.tongban.cases;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * A material file as uploaded, before it is checked against the service guide. The content is read as a stream
 * (a multipart part already on disk), several times if needed: to sniff its type, hash it and store it.
 */
public record MaterialUpload(String code, String fileName, String contentType, long size, InputStreamSource content) {

    public MaterialUpload(String code, String fileName, String contentType, byte[] bytes) {
        this(code, fileName, contentType, bytes.length, new ByteArrayResource(bytes));
    }

    public InputStream open() throws IOException {
        return content.getInputStream();
    }

    /** The first bytes of the content (fewer if the file is shorter), for sniffing its type. */
    public byte[] head(int max) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        }
    }
}
