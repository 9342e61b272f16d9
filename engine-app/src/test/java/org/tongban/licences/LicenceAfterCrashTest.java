package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.tongban.cases.CaseGranted;
import org.tongban.licences.internal.LicenceIssuer;
import org.tongban.licences.internal.LicenceRenderer;
import org.tongban.support.ApiTestBase;

/**
 * The licence is issued after the grant commits, by a listener whose grant stays in the event publication registry
 * until the licence is committed. A crash in between (here: rendering fails once, after the licence row is
 * inserted and before commit) leaves the grant incomplete; the restart's resubmission issues exactly one licence.
 */
class LicenceAfterCrashTest extends ApiTestBase {

    @MockitoSpyBean
    private LicenceRenderer renderer;
    @Autowired
    private IncompleteEventPublications incomplete;
    @Autowired
    private LicenceIssuer issuer;

    @Test
    void aCrashBetweenGrantAndLicenceNeitherLosesNorDuplicatesIt() {
        doThrow(new IllegalStateException("simulated crash while the licence is rendered")).doCallRealMethod()
                .when(renderer).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());
        String number = grantedFoodCase();
        verify(renderer, timeout(30_000)).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());

        // crashed: no licence, the case says it is being issued, the download is a clear 409, the grant is pending
        assertThat(caseOf("zhangwei", number).get("licence").toString()).isEqualTo("{\"status\":\"ISSUING\"}");
        var headers = new HttpHeaders();
        headers.setAcceptLanguageAsLocales(java.util.List.of(Locale.ENGLISH));
        var download = as("zhangwei").exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);
        assertThat(download.getStatusCode().value()).isEqualTo(409);
        assertThat(download.getBody().get("code").asText()).isEqualTo("licence-being-issued");
        assertThat(download.getBody().get("detail").asText()).contains(number, "being issued");
        assertThat(licences(number)).isZero();
        assertThat(pendingGrants(number)).isEqualTo(1);

        // a node resumes it: incomplete publications are delivered again (cluster.EventRedelivery)
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseGranted g && g.caseNumber().equals(number));
        JsonNode licence = awaitLicence("zhangwei", number);
        assertThat(caseOf("zhangwei", number).get("licence").get("status").asText()).isEqualTo("ISSUED");
        assertThat(licences(number)).isEqualTo(1);
        awaitNoPendingGrant(number);

        // a second restart, and the grant delivered once more anyway: still one licence, unchanged
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseGranted g && g.caseNumber().equals(number));
        assertThat(issuer.issue(grantOf(number))).isFalse();
        assertThat(licences(number)).isEqualTo(1);
        assertThat(awaitLicence("zhangwei", number)).isEqualTo(licence);
        verify(renderer, times(2)).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());
    }

    @Test
    void twoDeliveriesAtOnceIssueOneLicence() throws Exception {
        doThrow(new IllegalStateException("simulated crash")).when(renderer).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());
        String number = grantedFoodCase();
        verify(renderer, timeout(30_000)).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());
        assertThat(pendingGrants(number)).isEqualTo(1);

        // the first delivery stops inside rendering, its licence row inserted but not committed
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        doAnswer(call -> {
            inside.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return call.callRealMethod();
        }).doCallRealMethod().when(renderer).render(isA(org.tongban.licences.internal.LicenceTemplate.class), any(), any(), any(), any(), any(), any());
        CaseGranted grant = grantOf(number);
        var first = CompletableFuture.supplyAsync(() -> issuer.issue(grant));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        // the second finds no licence yet and waits on the case's unique key
        var second = CompletableFuture.supplyAsync(() -> issuer.issue(grant));
        Thread.sleep(500);
        assertThat(second).isNotDone();
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(licences(number)).isEqualTo(1);
        assertThat(awaitLicence("zhangwei", number).get("licenceNumber").asText()).isNotBlank();

        // the still pending grant completes on resubmission without a second licence
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseGranted g && g.caseNumber().equals(number));
        awaitNoPendingGrant(number);
        assertThat(licences(number)).isEqualTo(1);
    }

    private String grantedFoodCase() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("wangfang", number, "review", "AGREE", null);
        actOk("wangfang", number, "inspection", "AGREE", null);
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        return number;
    }

    private CaseGranted grantOf(String number) {
        return jdbc.queryForObject("SELECT id, item_code, concluded_at FROM tb_case WHERE case_number = ?",
                (rs, i) -> new CaseGranted(rs.getLong(1), number, rs.getString(2), rs.getObject(3, Timestamp.class).toInstant()),
                number);
    }

    private int licences(String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_licence l JOIN tb_case c ON c.id = l.case_id "
                + "WHERE c.case_number = ?", Integer.class, number);
    }

    private int pendingGrants(String number) {
        // the licence issuer's deliveries only (the case outcome listens to grants too)
        return jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL "
                + "AND EVENT_TYPE = ? AND SERIALIZED_EVENT LIKE ? AND LISTENER_ID LIKE ?", Integer.class,
                CaseGranted.class.getName(), "%\"" + number + "\"%", "%.Licences.%");
    }

    private void awaitNoPendingGrant(String number) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pendingGrants(number) > 0) {
            assertThat(System.nanoTime()).as("grant of " + number + " still pending").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
