package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.licences.internal.LicenceExpiry;
import org.tongban.support.ApiTestBase;

/** A licence past its validity expires once, whichever node's nightly run gets to it first. */
class LicenceExpiryTest extends ApiTestBase {

    @Autowired
    private LicenceExpiry expiry;

    @Test
    void aLicencePastItsLastDayExpiresOnceAcrossRuns() {
        String number = grantedFood();
        JsonNode licence = awaitLicence("zhangwei", number);
        String token = licence.get("verificationUrl").asText().replaceAll(".*/", "");
        String licenceNumber = licence.get("licenceNumber").asText();

        assertThat(expiry.expire()).as("nothing is due yet").isZero();
        jdbc.update("UPDATE tb_licence SET valid_until = ? WHERE licence_number = ?",
                java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)), licenceNumber);
        assertThat(expiry.expire()).isEqualTo(1);
        assertThat(expiry.expire()).as("a second node's run finds nothing left").isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM tb_licence WHERE licence_number = ?", String.class, licenceNumber)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'LICENCE_EXPIRED' AND subject = ?",
                Integer.class, licenceNumber)).isEqualTo(1);
        assertThat(rest.getForObject("/api/v1/verification/" + token, JsonNode.class).get("status").asText()).isEqualTo("EXPIRED");
        assertThat(as("wangfang").postForEntity("/api/v1/cases/" + number + "/licence/revocation",
                java.util.Map.of("reason", "已过期仍注销"), JsonNode.class).getStatusCode().value()).as("only a valid licence is revoked").isEqualTo(409);
    }
}
