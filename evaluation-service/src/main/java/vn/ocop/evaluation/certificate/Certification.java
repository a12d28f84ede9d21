package vn.ocop.evaluation.certificate;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.NotFoundException;

/** What an office does to a certificate after it is issued; each change and its event commit together. */
@Service
class Certification {

    private final Certificates certificates;
    private final Outbox outbox;
    private final Clock clock;

    Certification(Certificates certificates, Outbox outbox, Clock clock) {
        this.certificates = certificates;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Certificate revoke(String certificateNo, String reason) {
        Certificate revoked = certificates.findForUpdate(certificateNo)
                .orElseThrow(() -> new NotFoundException("certificate", certificateNo))
                .revoked(reason, clock);
        certificates.saveEnd(revoked);
        outbox.append(new CertificationRevoked(UUID.randomUUID(), clock.instant(), revoked.certificateNo(),
                revoked.productId(), reason));
        return revoked;
    }
}
