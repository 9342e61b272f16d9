package org.tongban.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.cases.MaterialStore;

/**
 * The default material store: one file per material under {@code tongban.materials.directory}, named by a random
 * key (two-character sub-directories keep directories small). A key must match {@link #KEY} before it becomes a
 * path, so no key can leave the directory.
 */
@Component
class LocalDirectoryMaterialStore implements MaterialStore {

    private static final Logger log = LoggerFactory.getLogger(LocalDirectoryMaterialStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    LocalDirectoryMaterialStore(@Value("${tongban.materials.directory:${tongban.data-dir:./data}/materials}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the material directory " + this.root, e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public StoredFile write(InputStream content) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Path file = path(key);
        Files.createDirectories(file.getParent());
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (var in = new DigestInputStream(content, sha256);
             var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            delete(key);
            throw e;
        }
        return new StoredFile(key, HexFormat.of().formatHex(sha256.digest()), size);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("material file {} could not be deleted: {}", key, e.toString());
        }
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a material key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
