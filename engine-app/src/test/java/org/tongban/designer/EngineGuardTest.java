package org.tongban.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tongban.support.ApiTestBase;

/**
 * The engine-level wall alone: BPMN deployed straight into Flowable, bypassing the deployment check, still
 * cannot run code. Code-running behaviours are refused while the engine parses; expressions that reach for
 * reflection fail when evaluated; task documentation stays literal text.
 */
class EngineGuardTest extends ApiTestBase {

    private static final String RCE = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
            + ".exec('touch /tmp/tongban-pwned-guard')";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    @AfterEach
    void removeProbes() {
        repository.createDeploymentQuery().deploymentName("guard-probe").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    /** Hostile corpus files whose code would run inside the engine, deployed without the checker. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-script-task-groovy", "03-script-task-juel", "04-service-class", "05-service-expression",
            "06-service-shell", "07-service-http", "08-service-camel", "10-service-dmn", "12-service-external-worker",
            "16-business-rule-task", "17-call-activity", "18-send-task-camel", "20-activiti-class", "21-activiti-shell",
            "41-condition-language-groovy", "48-task-listener-class", "50-task-listener-script",
            "51-execution-listener-class", "55-multi-instance-collection-class", "57-process-event-listener"})
    void refusesCodeWhileParsing(String name) throws IOException {
        String bpmn = new ClassPathResource("bpmn/hostile/" + name + ".bpmn20.xml").getContentAsString(StandardCharsets.UTF_8)
                .replace("id=\"foodBusinessLicence\"", "id=\"guardProbe\"");
        assertThatThrownBy(() -> deployDirectly(bpmn))
                .hasStackTraceContaining("Tongban engine guard");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guardProbe").count()).isZero();
    }

    @Test
    void expressionsCannotReachReflectionOrEngineServices() throws IOException {
        for (String condition : new String[] {"${" + RCE + " != null}", "${''['class'] != null}",
                "${execution.getProcessEngineServices() != null}", "${execution.getClass() != null}",
                "${execution.setVariable('decision', 'GRANT') == null}",
                "${task:get('any').getVariable('applicant') != null}", "${variables:get(applicant) != null}"}) {
            deployDirectly(process("<exclusiveGateway id=\"g\" default=\"d\"/><sequenceFlow id=\"a\" sourceRef=\"start\" targetRef=\"g\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"g\" targetRef=\"end\"><conditionExpression>" + escape(condition)
                    + "</conditionExpression></sequenceFlow><sequenceFlow id=\"d\" sourceRef=\"g\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("guardProbe"))
                    .as(condition).satisfiesAnyOf(
                            e -> assertThat(e).hasStackTraceContaining("process expressions"),
                            e -> assertThat(e).hasStackTraceContaining("Could not resolve function"));
            removeProbes();
        }
        assertNoPayloadRan();
    }

    @Test
    void allowedReadsStillWork() throws IOException {
        deployDirectly(process("<userTask id=\"t\" name=\"${execution.getVariable('applicant')} ${execution.processInstanceId != null}\"/>"
                + "<sequenceFlow id=\"a\" sourceRef=\"start\" targetRef=\"t\"/><sequenceFlow id=\"b\" sourceRef=\"t\" targetRef=\"end\"/>"
                + "<endEvent id=\"end\"/>"));
        String id = runtime.startProcessInstanceByKey("guardProbe", Map.of("applicant", "zhangwei")).getId();
        assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getName()).isEqualTo("zhangwei true");
    }

    @Test
    void taskDocumentationIsLiteralText() throws IOException {
        String documentation = "核对材料 ${" + RCE + "}";
        deployDirectly(process("<userTask id=\"t\" name=\"审查\"><documentation>" + escape(documentation) + "</documentation></userTask>"
                + "<sequenceFlow id=\"a\" sourceRef=\"start\" targetRef=\"t\"/><sequenceFlow id=\"b\" sourceRef=\"t\" targetRef=\"end\"/>"
                + "<endEvent id=\"end\"/>"));
        String id = runtime.startProcessInstanceByKey("guardProbe").getId();
        assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getDescription()).isEqualTo(documentation);
        assertNoPayloadRan();
    }

    @Test
    void theEngineParsesWithoutDoctypes() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + process("<userTask id=\"t\" name=\"&x;\"/><sequenceFlow id=\"a\" sourceRef=\"start\" targetRef=\"t\"/>"
                + "<sequenceFlow id=\"b\" sourceRef=\"t\" targetRef=\"end\"/><endEvent id=\"end\"/>");
        assertThatThrownBy(() -> deployDirectly(xxe)).isInstanceOf(RuntimeException.class);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guardProbe").count()).isZero();
    }

    private void deployDirectly(String bpmn) {
        repository.createDeployment().name("guard-probe").addString("guard-probe.bpmn20.xml", bpmn).deploy();
    }

    private static String process(String body) {
        return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:flowable=\"http://flowable.org/bpmn\" "
                + "targetNamespace=\"https://tongban.org/test\"><process id=\"guardProbe\" isExecutable=\"true\">"
                + "<startEvent id=\"start\"/>" + body + "</process></definitions>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }

    private static void assertNoPayloadRan() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tongban-pwned"));
        }
    }
}
