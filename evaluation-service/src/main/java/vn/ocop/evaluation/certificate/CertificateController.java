package vn.ocop.evaluation.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** Public verification of a certificate by its number, and its revocation by an office. */
@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A certificate as a QR code check shows it: whether it vouches for the product today, and why not. */
    record Verification(@JsonUnwrapped Certificate certificate, boolean valid, LocalDate checkedOn) {
    }

    private final Certificates certificates;
    private final Certification certification;
    private final Clock clock;

    CertificateController(Certificates certificates, Certification certification, Clock clock) {
        this.certificates = certificates;
        this.certification = certification;
        this.clock = clock;
    }

    @GetMapping("/{certificateNo}")
    Verification verify(@PathVariable String certificateNo) {
        Certificate certificate = certificates.find(certificateNo)
                .orElseThrow(() -> new NotFoundException("certificate", certificateNo));
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return new Verification(certificate, certificate.validOn(today), today);
    }

    /** A product's certificates, newest first: the current one and those it replaced or that ended. */
    @GetMapping
    List<Certificate> ofProduct(@RequestParam(required = false) @Nullable UUID productId) {
        if (productId == null) {
            throw new InvalidRequestException("productId", "name the product whose certificates to list");
        }
        return certificates.ofProduct(productId);
    }

    @PostMapping("/{certificateNo}/revocation")
    Certificate revoke(@PathVariable String certificateNo, @Valid @RequestBody Revocation request) {
        return certification.revoke(certificateNo, request.reason().strip());
    }
}
