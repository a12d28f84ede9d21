package vn.ocop.evaluation.certificate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.NotFoundException;

/** Public verification of a certificate by its number. */
@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/{certificateNo}")
    Certificate verify(@PathVariable String certificateNo) {
        return certificates.find(certificateNo).orElseThrow(() -> new NotFoundException("certificate", certificateNo));
    }
}
