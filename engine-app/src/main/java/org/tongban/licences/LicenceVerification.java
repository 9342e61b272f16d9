package org.tongban.licences;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.licences.internal.LicenceMapper;
import org.tongban.licences.internal.LicenceMapper.LicenceRow;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.licences.internal.SigningKeys;
import org.tongban.shared.Digests;
import org.tongban.shared.DomainException;

/**
 * Public verification of an e-licence (证照核验) by the token in its QR code: the face data with personal data
 * masked and the status, and whether a PDF someone holds is the authentic, unmodified file — its SHA-256 equals the
 * issued file's, and its PAdES signature verifies, by the issuing department's certificate, over the whole file.
 */
@Service
public class LicenceVerification {

    /** The largest file checked (a licence is about 100 KB). */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public enum Status { VALID, EXPIRED, REVOKED, SUPERSEDED }

    /** What anyone may read of a licence: no ID number of a person, a person's name masked. */
    public record VerifiedLicence(String licenceName, String licenceNumber, String identifier, String holder, String holderId,
                                  String issuer, LocalDate issuedOn, LocalDate validUntil, Status status, int version) {
    }

    /** The check of an uploaded file: {@code authentic} only when it is byte for byte the issued file. */
    public record DocumentCheck(boolean authentic, String sha256, boolean signed, boolean signatureValid,
                                boolean signatureCoversWholeFile, boolean signedByIssuer, String signer) {
    }

    private final LicenceMapper mapper;
    private final Catalogue catalogue;
    private final LicenceTemplates templates;
    private final SigningKeys keys;

    LicenceVerification(LicenceMapper mapper, Catalogue catalogue, LicenceTemplates templates, SigningKeys keys) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.templates = templates;
        this.keys = keys;
    }

    public VerifiedLicence verify(String token) {
        LicenceRow row = found(token);
        // the title it was printed with, even when a later template version renamed it
        String licenceName = templates.title(catalogue.require(row.itemCode).licenceTemplate(), row.templateVersion);
        boolean person = row.holderId != null && row.holderId.matches("\\d{17}[0-9X]");
        return new VerifiedLicence(licenceName, row.licenceNumber, row.identifier,
                person ? maskName(row.holderName) : row.holderName, person ? maskId(row.holderId) : row.holderId, row.issuer,
                LocalDate.ofInstant(row.issuedAt, CHINA), row.validUntil, status(row), row.version);
    }

    public DocumentCheck check(String token, byte[] pdf) {
        LicenceRow row = found(token);
        String sha256 = Digests.sha256(pdf);
        var certificate = keys.of(templates.require(catalogue.require(row.itemCode).licenceTemplate()).department()).certificate();
        boolean signed = false;
        boolean valid = false;
        boolean whole = false;
        boolean byIssuer = false;
        String signer = null;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (!signatures.isEmpty()) {
                signed = true;
                PDSignature signature = signatures.get(signatures.size() - 1);
                int[] range = signature.getByteRange();
                whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
                var cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
                SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                var matches = cms.getCertificates().getMatches(info.getSID());
                if (!matches.isEmpty()) {
                    var holder = (X509CertificateHolder) matches.iterator().next();
                    valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
                    byIssuer = MessageDigest.isEqual(holder.getEncoded(), certificate.getEncoded());
                    signer = holder.getSubject().toString();
                }
            }
        } catch (IOException | RuntimeException | org.bouncycastle.cms.CMSException
                 | org.bouncycastle.operator.OperatorCreationException | java.security.cert.CertificateException e) {
            valid = false; // not a PDF, or a signature that does not parse: not authentic, whatever the hash
        }
        boolean authentic = sha256.equals(row.sha256) && valid && whole && byIssuer;
        return new DocumentCheck(authentic, sha256, signed, valid, whole, byIssuer, signer);
    }

    private LicenceRow found(String token) {
        LicenceRow row = token == null || !token.matches("[A-Za-z0-9_-]{20,64}") ? null : mapper.byToken(token);
        if (row == null || row.licenceNumber == null) {
            throw DomainException.notFound("verification-not-found");
        }
        return row;
    }

    private static Status status(LicenceRow row) {
        if ("REVOKED".equals(row.status)) {
            return Status.REVOKED;
        }
        if ("SUPERSEDED".equals(row.status)) {
            return Status.SUPERSEDED;
        }
        if ("EXPIRED".equals(row.status)) {
            return Status.EXPIRED;
        }
        return row.validUntil.isBefore(LocalDate.now(CHINA)) ? Status.EXPIRED : Status.VALID;
    }

    static String maskName(String name) {
        int n = name.codePointCount(0, name.length());
        return n <= 1 ? "*" : new String(Character.toChars(name.codePointAt(0))) + "*".repeat(n - 1);
    }

    static String maskId(String id) {
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
