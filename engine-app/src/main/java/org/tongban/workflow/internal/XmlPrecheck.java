package org.tongban.workflow.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tongban.shared.FieldProblem;

/**
 * A streaming pass over the raw XML before any tree is built: no DOCTYPE, bounded depth and element count
 * (a deeply nested file must not overflow a recursive parser), and only namespaces the platform knows.
 * Anything in another namespace — {@code activiti:}, {@code camunda:}, vendor extensions under any prefix —
 * is refused by URI, because the engine honours some of them although we never meant it to.
 */
final class XmlPrecheck {

    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 20_000;

    static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String FLOWABLE = "http://flowable.org/bpmn";
    static final String TONGBAN = CountersignSpec.NAMESPACE;
    /** Diagram interchange and the colour extensions bpmn-js writes on diagram shapes. */
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
            "http://bpmn.io/schema/bpmn/biocolor/1.0", "http://www.omg.org/spec/BPMN/non-normative/color/1.0");
    private static final Set<String> MODEL = Set.of(BPMN_MODEL, FLOWABLE);
    private static final Set<String> ATTRIBUTE_ONLY = Set.of(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI,
            XMLConstants.XML_NS_URI);

    private XmlPrecheck() {
    }

    static List<FieldProblem> check(byte[] xml) {
        var problems = new ArrayList<FieldProblem>();
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            int elements = 0;
            boolean inDiagram = false;
            int diagramDepth = 0;
            while (reader.hasNext() && problems.size() < 20) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return List.of(FieldProblem.of("bpmn", "bpmn-doctype"));
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (inDiagram && depth < diagramDepth) {
                        inDiagram = false;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                elements++;
                if (depth > MAX_DEPTH) {
                    return List.of(FieldProblem.of("bpmn", "bpmn-too-deep", MAX_DEPTH));
                }
                if (elements > MAX_ELEMENTS) {
                    return List.of(FieldProblem.of("bpmn", "bpmn-too-many-elements", MAX_ELEMENTS));
                }
                String ns = nullToEmpty(reader.getNamespaceURI());
                if (!inDiagram && "BPMNDiagram".equals(reader.getLocalName()) && DIAGRAM.contains(ns)) {
                    inDiagram = true;
                    diagramDepth = depth;
                }
                String where = where(reader);
                // Tongban's own elements (tongban:countersign): the model checks say where they may stand
                if (!(inDiagram ? DIAGRAM.contains(ns) || BPMN_MODEL.equals(ns) : MODEL.contains(ns) || TONGBAN.equals(ns))) {
                    problems.add(FieldProblem.of("bpmn", "bpmn-namespace", where, ns.isEmpty() ? "(none)" : ns));
                }
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    String attributeNs = nullToEmpty(reader.getAttributeNamespace(i));
                    boolean known = attributeNs.isEmpty() || MODEL.contains(attributeNs) || ATTRIBUTE_ONLY.contains(attributeNs)
                            || (inDiagram && DIAGRAM.contains(attributeNs));
                    if (!known) {
                        problems.add(FieldProblem.of("bpmn", "bpmn-namespace", where, attributeNs));
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            return List.of(FieldProblem.of("bpmn", "bpmn-malformed", Math.max(line, 1)));
        } finally {
            close(reader);
        }
        return problems;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // DTD events are still reported (and refused above); nothing external is ever resolved
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static String where(XMLStreamReader reader) {
        String id = reader.getAttributeValue(null, "id");
        return id != null && !id.isBlank() ? id : reader.getLocalName();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that needs closing
            }
        }
    }
}
