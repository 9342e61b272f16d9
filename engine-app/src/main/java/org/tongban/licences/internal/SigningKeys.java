package org.tongban.licences.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The issuing departments' signing keys and certificates, loaded once from a PKCS#12 keystore (alias = department
 * code). Without a configured keystore a development one is generated on first start ({@code <data-dir>/
 * licence-signing-dev.p12}: a "Tongban Development CA" and one certificate per issuing department), which no one
 * outside should trust; docs/operations.md says how to use a real one.
 */
@Component
public class SigningKeys {

    static final String DEV_CA = "tongban-dev-ca";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** A department's key and its chain (signer first). */
    public record SigningKey(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final Map<String, SigningKey> keys = new HashMap<>();

    SigningKeys(LicenceTemplates templates, @Value("${tongban.licences.keystore:}") String configured,
                @Value("${tongban.licences.keystore-password:tongban-dev}") String password,
                @Value("${tongban.data-dir}") String dataDir) throws IOException, GeneralSecurityException {
        char[] secret = password.toCharArray();
        boolean development = configured == null || configured.isBlank();
        Path file = development ? Path.of(dataDir, "licence-signing-dev.p12") : Path.of(configured);
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, secret);
            }
        } else if (development) {
            store.load(null, secret);
        } else {
            throw new IllegalStateException("tongban.licences.keystore " + file + " does not exist");
        }
        boolean existed = Files.exists(file);
        if (addMissing(store, secret, development, templates) && !write(store, secret, file, existed)) {
            // another node starting at the same moment wrote its development keys first: use those
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, secret);
            }
            addMissing(store, secret, false, templates);
        }
        for (LicenceTemplate template : templates.all()) {
            String alias = template.department();
            Certificate[] chain = store.getCertificateChain(alias);
            keys.put(alias, new SigningKey((PrivateKey) store.getKey(alias, secret),
                    java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList()));
        }
    }

    /** Adds a development key for every issuing department without one; false if none was missing. */
    private static boolean addMissing(KeyStore store, char[] secret, boolean development, LicenceTemplates templates)
            throws GeneralSecurityException, IOException {
        boolean changed = false;
        for (LicenceTemplate template : templates.all()) {
            String alias = template.department();
            if (!store.isKeyEntry(alias)) {
                if (!development) {
                    throw new IllegalStateException("the licence keystore has no key '" + alias + "' (issuer " + template.issuer() + ")");
                }
                addDevelopmentKey(store, secret, alias, template.issuer(), template.issuerCode());
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Writes the development keystore; a new file only if none appeared meanwhile (false then), so two nodes starting
     * together end up with the same keys.
     */
    private static boolean write(KeyStore store, char[] secret, Path file, boolean replace) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".p12");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, secret);
        }
        try {
            if (replace) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.createLink(file, temp); // atomic "create if absent" (a rename would replace silently)
                Files.delete(temp);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
            return false;
        }
        log.warn("Licence signing: development keys written to {} — configure tongban.licences.keystore for real use", file);
        return true;
    }

    public SigningKey of(String department) {
        SigningKey key = keys.get(department);
        if (key == null) {
            throw new IllegalStateException("no licence signing key for " + department);
        }
        return key;
    }

    private static void addDevelopmentKey(KeyStore store, char[] secret, String alias, String issuer, String creditCode)
            throws GeneralSecurityException, IOException {
        if (!store.isKeyEntry(DEV_CA)) {
            KeyPair ca = rsa();
            X500Name name = name("Tongban Development CA (not for production)", null);
            X509Certificate cert = certificate(name, ca, name, ca.getPrivate(), true, Duration.ofDays(3650));
            store.setKeyEntry(DEV_CA, ca.getPrivate(), secret, new Certificate[] {cert});
        }
        PrivateKey caKey = (PrivateKey) store.getKey(DEV_CA, secret);
        X509Certificate caCert = (X509Certificate) store.getCertificate(DEV_CA);
        KeyPair pair = rsa();
        X509Certificate cert = certificate(name(issuer, creditCode), pair, X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                caKey, false, Duration.ofDays(1825));
        store.setKeyEntry(alias, pair.getPrivate(), secret, new Certificate[] {cert, caCert});
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X500Name name(String organisation, String creditCode) {
        var builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, organisation);
        if (creditCode != null) {
            builder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, creditCode);
        }
        return builder.build();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair pair, X500Name issuer, PrivateKey issuerKey,
                                               boolean ca, Duration validity) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
