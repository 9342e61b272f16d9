package org.tongban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Cases;
import org.tongban.cases.MaterialUpload;
import org.tongban.cases.StepAction;
import org.tongban.identity.Directory;
import org.tongban.identity.Actor;
import org.tongban.support.ApiTestBase;
import org.tongban.support.TestDatabase;
import org.tongban.tasks.ActionRequest;
import org.tongban.tasks.TaskActions;

/**
 * Throughput of the joint-review item (accept, 3 parallel department reviews, decide): the platform's
 * service layer (validation, case records, history, licence PDF) against bare Flowable API running the same
 * BPMN on the same database, with concurrent clients. Rounds alternate to spread machine noise.
 * Run: {@code mvn -Pbenchmark test} (see docs/benchmark.md). Prints numbers; asserts only completeness.
 */
@Tag("benchmark")
class JointReviewBenchmarkTest extends ApiTestBase {

    private static final int CASES = Integer.getInteger("bench.cases", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @Autowired
    Cases cases;
    @Autowired
    TaskActions actions;
    @Autowired
    Directory directory;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    private BareFlowableCycle bare;

    @Test
    void platformAgainstBareFlowable() throws Exception {
        Actor applicant = directory.loadUserByUsername("lina").actor();
        Actor lead = directory.loadUserByUsername("chenjing").actor();
        Map<String, Actor> reviewers = Map.of("DQ-ZRZY", directory.loadUserByUsername("zhaolei").actor(),
                "DQ-XF", directory.loadUserByUsername("sunqiang").actor(), "DQ-STHJ", directory.loadUserByUsername("zhoumin").actor());
        Runnable platform = () -> platformCycle(applicant, lead, reviewers);
        this.bare = new BareFlowableCycle(runtime, taskService);

        run(bare, 20);
        run(platform, 20); // warm-up: JIT, pools, font subsetter
        double bareSeconds = 0;
        double platformSeconds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            bareSeconds += run(bare, CASES);
            platformSeconds += run(platform, CASES);
        }
        double bareRate = ROUNDS * CASES / bareSeconds;
        double platformRate = ROUNDS * CASES / platformSeconds;
        System.out.printf("%nBENCHMARK joint review (accept, 3 parallel reviews, decide) on %s, %d threads, %d x %d cases%n",
                TestDatabase.MYSQL ? "MySQL/MariaDB" : "H2 (in-memory)", THREADS, ROUNDS, CASES);
        System.out.printf("BENCHMARK bare Flowable : %7.1f cases/s (%d retried conflicts)%n", bareRate, bare.retries.get());
        System.out.printf("BENCHMARK Tongban       : %7.1f cases/s (incl. case records, history, licence PDF)%n", platformRate);
        System.out.printf("BENCHMARK ratio         : %7.2f (target >= 0.80)%n%n", platformRate / bareRate);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("constructionPermit").count()).isZero();
    }

    private double run(Runnable cycle, int n) throws Exception {
        return Load.seconds(cycle, n, THREADS);
    }

    private void platformCycle(Actor applicant, Actor lead, Map<String, Actor> reviewers) {
        var materials = List.of(new MaterialUpload("PLANNING_PERMIT", "p.pdf", "application/pdf", pdfBytes()),
                new MaterialUpload("CONTRACT", "c.pdf", "application/pdf", pdfBytes()),
                new MaterialUpload("DRAWINGS_REVIEW", "d.pdf", "application/pdf", pdfBytes()));
        String number = cases.submit(applicant, CONSTRUCTION, constructionForm(), materials).caseNumber();
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        actions.complete(lead, only(pid, "acceptance").getId(), new ActionRequest(StepAction.ACCEPT, null, null));
        for (Task review : open(pid, "jointReview")) {
            String department = taskService.getIdentityLinksForTask(review.getId()).stream()
                    .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
            actions.complete(reviewers.get(department), review.getId(), new ActionRequest(StepAction.AGREE, "同意", null));
        }
        actions.complete(lead, bare.await(pid, "consolidation").getId(), new ActionRequest(StepAction.CONSOLIDATE, "各部门均同意", null));
        actions.complete(lead, awaitDecision(pid).getId(), new ActionRequest(StepAction.GRANT, "准予许可", null));
    }

    private List<Task> open(String pid, String key) {
        return bare.open(pid, key);
    }

    private Task only(String pid, String key) {
        return open(pid, key).get(0);
    }

    private Task awaitDecision(String pid) {
        return bare.awaitDecision(pid);
    }
}
