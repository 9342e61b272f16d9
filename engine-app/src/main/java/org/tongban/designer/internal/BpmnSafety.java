package org.tongban.designer.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.TechnicalDetail;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decides whether a designer's BPMN may reach the engine. Designers model processes; they cannot deploy
 * code: no DOCTYPE (XXE), no script tasks or scripts, no Java class delegates, no special service task
 * types (http, shell, camel...), and expressions may only call allowlisted {@code @ProcessBean}s.
 * The engine itself only sees allowlisted beans ({@link ProcessBeans}), so this check is the clear,
 * early error and not the only wall.
 */
@Component
public class BpmnSafety {

    static final String FLOWABLE_NS = "http://flowable.org/bpmn";
    static final Set<String> STEP_CATEGORIES = Set.of("acceptance", "review", "joint-review", "decision", "correction");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern CHAIN = Pattern.compile("(?<![.\\w:])([A-Za-z_]\\w*)((?:\\s*\\.\\s*[A-Za-z_]\\w*)*)(\\s*\\()?");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Set<String> FORBIDDEN = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
            "Runtime", "getRuntime", "exec", "ProcessBuilder", "newInstance", "invoke", "getMethod", "getDeclaredMethod",
            "System", "Thread", "java", "javax", "jdk", "sun", "processEngineConfiguration", "engineServices",
            "processEngineServices", "getEngineServices", "getProcessEngineServices");
    /** What an expression may read from the running execution or task. */
    private static final Set<String> CONTEXT_MEMBERS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "id", "processInstanceId", "processInstanceBusinessKey", "name", "assignee");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "type", "scriptFormat", "resultVariableName");

    private final ProcessBeans processBeans;
    private final ApplicationContext context;

    BpmnSafety(ProcessBeans processBeans, ApplicationContext context) {
        this.processBeans = processBeans;
        this.context = context;
    }

    public List<FieldProblem> check(ServiceItem item, byte[] bpmn) {
        var problems = new ArrayList<FieldProblem>();
        Document document;
        try {
            document = safeParser().newDocumentBuilder().parse(new ByteArrayInputStream(bpmn));
        } catch (Exception e) {
            boolean doctype = new String(bpmn, 0, Math.min(bpmn.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("<!DOCTYPE");
            return List.of(FieldProblem.of("bpmn", doctype ? "bpmn-doctype" : "bpmn-malformed"));
        }
        walk(document.getDocumentElement(), problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        checkWithEngine(item, bpmn, problems);
        return problems;
    }

    private static DocumentBuilderFactory safeParser() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private void walk(Element element, List<FieldProblem> problems) {
        String where = element.hasAttribute("id") ? element.getAttribute("id") : element.getLocalName();
        if (FORBIDDEN_ELEMENTS.contains(element.getLocalName())) {
            problems.add(FieldProblem.of("bpmn", "bpmn-script", where));
        }
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            boolean flowable = FLOWABLE_NS.equals(attr.getNamespaceURI());
            boolean flowableElement = FLOWABLE_NS.equals(element.getNamespaceURI());
            if ((flowable || flowableElement) && CODE_ATTRIBUTES.contains(attr.getLocalName())) {
                problems.add(FieldProblem.of("bpmn", "class".equals(attr.getLocalName()) ? "bpmn-java-class" : "bpmn-code-attribute",
                        where, attr.getLocalName()));
            }
            if ((flowable || flowableElement) && "delegateExpression".equals(attr.getLocalName())) {
                checkDelegate(where, attr.getValue(), problems);
            }
            checkExpressions(where, attr.getValue(), problems);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(where, child.getNodeValue(), problems);
            }
        }
    }

    private void checkDelegate(String where, String value, List<FieldProblem> problems) {
        Matcher m = BEAN_REFERENCE.matcher(value);
        if (!m.matches() || !processBeans.allows(m.group(1))) {
            problems.add(FieldProblem.of("bpmn", "bpmn-bean-not-allowed", where, value));
        }
    }

    private void checkExpressions(String where, String text, List<FieldProblem> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            String body = STRING_LITERAL.matcher(expressions.group(1)).replaceAll("''");
            Matcher identifier = IDENTIFIER.matcher(body);
            boolean forbidden = false;
            while (identifier.find()) {
                forbidden |= FORBIDDEN.contains(identifier.group());
            }
            if (forbidden) {
                problems.add(FieldProblem.of("bpmn", "bpmn-expression-not-allowed", where, expressions.group()));
                continue;
            }
            Matcher chain = CHAIN.matcher(body);
            while (chain.find()) {
                String root = chain.group(1);
                if (EL_WORDS.contains(root)) {
                    continue;
                }
                List<String> members = chain.group(2).isBlank() ? List.of()
                        : List.of(chain.group(2).replaceAll("\\s", "").substring(1).split("\\."));
                boolean call = chain.group(3) != null;
                if (processBeans.allows(root)) {
                    continue;
                } else if (context.containsBean(root)) {
                    problems.add(FieldProblem.of("bpmn", "bpmn-bean-not-allowed", where, root));
                } else if (("execution".equals(root) || "task".equals(root))
                        ? members.size() > 1 || (members.size() == 1 && !CONTEXT_MEMBERS.contains(members.get(0)))
                        : call && !members.isEmpty()) {
                    problems.add(FieldProblem.of("bpmn", "bpmn-expression-not-allowed", where, expressions.group()));
                }
            }
        }
    }

    private void checkWithEngine(ServiceItem item, byte[] bpmn, List<FieldProblem> problems) {
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(bpmn), true, true);
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of("bpmn", "bpmn-invalid", new TechnicalDetail(rootMessage(e))));
            return;
        }
        for (ValidationError error : new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)) {
            if (!error.isWarning()) {
                problems.add(FieldProblem.of("bpmn", "bpmn-invalid", new TechnicalDetail(
                        (error.getActivityId() == null ? "" : error.getActivityId() + ": ") + error.getDefaultDescription())));
            }
        }
        if (model.getProcessById(item.processKey()) == null) {
            problems.add(FieldProblem.of("bpmn", "bpmn-process-key", item.processKey()));
            return;
        }
        for (UserTask task : model.getProcessById(item.processKey()).findFlowElementsOfType(UserTask.class)) {
            if (task.getCategory() == null || !STEP_CATEGORIES.contains(task.getCategory())) {
                problems.add(FieldProblem.of("bpmn", "bpmn-step-category", task.getId(), String.join("/", STEP_CATEGORIES)));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
