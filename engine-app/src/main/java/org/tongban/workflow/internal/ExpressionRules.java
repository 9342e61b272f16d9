package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.Set;
import org.flowable.common.engine.impl.de.odysseus.el.tree.Node;
import org.flowable.common.engine.impl.de.odysseus.el.tree.TreeBuilder;
import org.flowable.common.engine.impl.de.odysseus.el.tree.TreeBuilderException;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstBinary;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstBoolean;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstChoice;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstComposite;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstDot;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstEval;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstIdentifier;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstMethod;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstNested;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstNull;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstNumber;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstParameters;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstString;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstText;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstUnary;
import org.flowable.common.engine.impl.el.FlowableExpressionFactory;

/**
 * Decides whether an expression may run, by parsing it with the engine's own EL parser and walking the syntax
 * tree (never by looking at its text). Allowed: literals, operators, the item's declared variables, read-only
 * members of {@code execution}/{@code task}, and exposed methods of allow-listed process beans. Everything
 * else — bracket access, member access or calls on values, functions, unknown names — is refused.
 */
final class ExpressionRules {

    /** Members of the running execution or task an expression may read (see {@link GuardedBeanResolver}). */
    static final Set<String> CONTEXT_READS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "getId", "id", "getProcessInstanceId", "processInstanceId",
            "getProcessInstanceBusinessKey", "processInstanceBusinessKey", "getName", "name", "getAssignee",
            "assignee", "getCurrentActivityId", "currentActivityId");
    private static final Set<String> CONTEXTS = Set.of("execution", "task");
    private static final TreeBuilder PARSER = new EngineParser().builder();

    /** What the expression may name: variables and beans (with their exposed methods). */
    interface Scope {
        boolean isVariable(String name);

        boolean isBean(String name);

        boolean exposes(String bean, String method);
    }

    private final Scope scope;

    ExpressionRules(Scope scope) {
        this.scope = scope;
    }

    /** Empty when allowed; otherwise the offending part of the expression (a name or construct). */
    Optional<String> violation(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Node root;
        try {
            // the engine trims expression text before parsing it
            root = PARSER.build(text.trim()).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return Optional.of("syntax");
        }
        return check(root);
    }

    /** Whether the text is plain text to the engine (no {@code ${}} or {@code #{}} part that would be evaluated). */
    boolean isLiteral(String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        try {
            return PARSER.build(text.trim()).getRoot().isLiteralText();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<String> check(Node node) {
        if (node instanceof AstIdentifier id) {
            return scope.isVariable(id.getName()) || scope.isBean(id.getName()) ? Optional.empty() : Optional.of(id.getName());
        }
        if (node instanceof AstMethod method) {
            return checkCall(method);
        }
        if (node instanceof AstDot dot) {
            return checkRead(dot);
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstText
                || node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
                || node instanceof AstNull || node instanceof AstNested || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstParameters) {
            return children(node);
        }
        // AstBracket, AstFunction and anything a later parser version adds
        return Optional.of(node.getClass().getSimpleName().replace("Ast", "").toLowerCase());
    }

    private Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> found = check(node.getChild(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code execution.processInstanceId}: reads only on the execution or task. */
    private Optional<String> checkRead(AstDot dot) {
        String member = memberName(dot);
        if (dot.getChild(0) instanceof AstIdentifier base && CONTEXTS.contains(base.getName())
                && CONTEXT_READS.contains(member)) {
            return Optional.empty();
        }
        return Optional.of("." + member);
    }

    /** {@code bean.method(args)} or {@code execution.getVariable('x')}: calls only on allow-listed targets. */
    private Optional<String> checkCall(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot)) {
            return Optional.of("call");
        }
        if (!(dot.getChild(0) instanceof AstIdentifier base)) {
            return Optional.of("." + memberName(dot) + "()");
        }
        String name = memberName(dot);
        boolean allowed = CONTEXTS.contains(base.getName()) ? CONTEXT_READS.contains(name)
                : scope.isBean(base.getName()) && scope.exposes(base.getName(), name);
        return allowed ? children(method.getChild(1)) : Optional.of(base.getName() + "." + name + "()");
    }

    /** AstDot keeps its member name private; its toString is ". name". */
    private static String memberName(AstDot dot) {
        return dot.toString().substring(2);
    }

    /** The engine's own expression factory, for its tree builder (same grammar, same features). */
    private static final class EngineParser extends FlowableExpressionFactory {
        TreeBuilder builder() {
            return store.getBuilder();
        }
    }
}
