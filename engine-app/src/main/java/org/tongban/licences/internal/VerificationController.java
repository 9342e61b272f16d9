package org.tongban.licences.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.licences.LicenceVerification;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.web.CappedBody;

/** Public e-licence verification (证照核验): what the QR code on a licence leads to. Rate-limited per client. */
@RestController
@RequestMapping("/api/v1/verification/{token}")
@Tag(name = "Verification (证照核验)")
@SecurityRequirements
class VerificationController {

    private final LicenceVerification verification;

    VerificationController(LicenceVerification verification) {
        this.verification = verification;
    }

    @GetMapping
    @Operation(summary = "The licence a QR code names: face data (a person's name and ID number masked) and status "
            + "(VALID, EXPIRED, REVOKED, SUPERSEDED); 404 for an unknown token")
    LicenceVerification.VerifiedLicence verify(@PathVariable String token) {
        return verification.verify(token);
    }

    @PostMapping("/document")
    @Operation(summary = "Checks a PDF (the request body, at most 5 MB) against the licence: authentic only when it is the "
            + "issued file, byte for byte, with a valid signature of the issuing department over the whole file")
    LicenceVerification.DocumentCheck document(@PathVariable String token, HttpServletRequest request) throws IOException {
        byte[] pdf = CappedBody.read(request, LicenceVerification.MAX_DOCUMENT_BYTES,
                () -> DomainException.invalid(FieldProblem.of("document", "document-too-large", LicenceVerification.MAX_DOCUMENT_BYTES / 1024 / 1024)));
        if (pdf.length == 0) {
            throw DomainException.invalid(FieldProblem.of("document", "required", "文件", "File"));
        }
        return verification.check(token, pdf);
    }
}
