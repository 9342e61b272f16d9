package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.TechnicalDetail;
import org.xml.sax.SAXParseException;

/**
 * Decides whether a BPMN file may reach the engine. Designers model processes; they cannot deploy code.
 * Four stages, each an allow-list over what the engine will actually read: a streaming XML pass (size,
 * depth, element count, no DOCTYPE, known namespaces only), the engine's own converter and schema, a walk
 * of the resulting model ({@link ModelRules}) with every expression parsed by the engine's EL parser
 * ({@link ExpressionRules}), and Flowable's own validator. {@link EngineGuard} is the second wall inside
 * the engine for anything that slips past.
 */
@Component
public class BpmnSafety {

    public static final int MAX_BYTES = 1024 * 1024;

    private static final ProcessValidator VALIDATOR = new ProcessValidatorFactory().createDefaultProcessValidator();

    private final ProcessBeans processBeans;

    BpmnSafety(ProcessBeans processBeans) {
        this.processBeans = processBeans;
    }

    public List<FieldProblem> check(ServiceItem item, byte[] bpmn) {
        if (bpmn.length == 0 || bpmn.length > MAX_BYTES) {
            return List.of(FieldProblem.of("bpmn", "bpmn-size", MAX_BYTES / 1024));
        }
        List<FieldProblem> problems = XmlPrecheck.check(bpmn);
        if (!problems.isEmpty()) {
            return problems;
        }
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(bpmn), true, true);
        } catch (RuntimeException e) {
            return List.of(FieldProblem.of("bpmn", "bpmn-schema", lineOf(e), new TechnicalDetail(rootMessage(e))));
        }
        problems = ModelRules.check(model, item, processBeans);
        if (!problems.isEmpty()) {
            return problems;
        }
        var invalid = new ArrayList<FieldProblem>();
        for (ValidationError error : VALIDATOR.validate(model)) {
            if (!error.isWarning()) {
                String where = error.getActivityId() != null ? error.getActivityId() : error.getProcessDefinitionId();
                invalid.add(FieldProblem.of("bpmn", "bpmn-invalid", where == null ? "definitions" : where, error.getProblem(),
                        new TechnicalDetail(error.getDefaultDescription())));
            }
        }
        return invalid;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** The line the XML or schema error points at, so the message needs no parser's English text. */
    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax && sax.getLineNumber() > 0) {
                return sax.getLineNumber();
            }
            if (t instanceof XMLStreamException xml && xml.getLocation() != null) {
                return Math.max(1, xml.getLocation().getLineNumber());
            }
        }
        return 1;
    }
}
