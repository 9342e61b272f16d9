package org.tongban.licences.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a rendered licence PAdES baseline-B (SubFilter {@code ETSI.CAdES.detached}): a CMS signature by the issuing
 * department's key over the whole file but the signature itself, with the ESS signing-certificate-v2 attribute and no
 * signing-time attribute (the time is the signature dictionary's /M), added as an incremental update so the PDF/A
 * file is unchanged below it. The signature's widget covers the seal printed on the face, so clicking the seal in a
 * reader shows the signature.
 */
@Component
public class PadesSigner {

    private final SigningKeys keys;

    PadesSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** {@code seal}: where the seal is on the last page (PDF user space); {@code reason}: what the signature is for. */
    public byte[] sign(byte[] pdf, String department, String signerName, String reason, PDRectangle seal, Calendar at) {
        SigningKeys.SigningKey key = keys.of(department);
        try (PDDocument document = Loader.loadPDF(pdf); var options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setSignDate(at);
            options.setPreferredSignatureSize(12_000);
            options.setPage(document.getNumberOfPages() - 1); // the widget joins the last page's annotations
            document.addSignature(signature, content -> cms(content, key), options);
            PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
            widget.setRectangle(seal);
            widget.setPrinted(true);
            PDPage last = document.getPage(document.getNumberOfPages() - 1);
            widget.setPage(last);
            var appearance = new PDAppearanceDictionary();
            PDFormXObject empty = new PDFormXObject(document);
            empty.setBBox(new PDRectangle(seal.getWidth(), seal.getHeight()));
            empty.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            appearance.setNormalAppearance(new PDAppearanceStream(empty.getCOSObject()));
            widget.setAppearance(appearance); // the seal itself is in the page content, under the widget
            var out = new ByteArrayOutputStream(pdf.length + 16_000);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("licence signing failed", e);
        }
    }

    private static byte[] cms(InputStream content, SigningKeys.SigningKey key) throws IOException {
        try {
            var certificate = key.certificate();
            var certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            var attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            var signedAttributes = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                protected Hashtable createStandardAttributeTable(Map parameters) {
                    Hashtable table = super.createStandardAttributeTable(parameters);
                    table.remove(CMSAttributes.signingTime); // PAdES: the claimed time is /M, never a CMS attribute
                    return table;
                }
            };
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.key()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("CMS signature failed", e);
        }
    }
}
