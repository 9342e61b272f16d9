package org.tongban.forms.internal.validation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL of form-js schemas ({@code conditional.hide}, {@code expression} fields) parsed and evaluated with the Camunda
 * FEEL engine. A designer's FEEL is untrusted: it is parsed once when the schema is read and refused when it is long,
 * large, loops ({@code for}/{@code some}/{@code every}), defines functions (the door to {@code external} Java
 * functions, which the engine also keeps disabled) or calls a regular-expression function (ReDoS); evaluation sees
 * only the form data (JSON maps, lists, strings, numbers, booleans — no Java objects) and runs on a small pool with a
 * time limit, so a slow expression fails the submission instead of holding the request.
 */
public final class FeelExpressions {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_NODES = 300;
    static final long TIME_LIMIT_MS = 500;

    private static final Set<String> REFUSED_NODES = Set.of("For", "SomeItem", "EveryItem", "FunctionDefinition",
            "JavaFunctionInvocation", "IterationContext");
    private static final Set<String> REFUSED_FUNCTIONS = Set.of("matches", "replace", "split", "extract");

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.create().withEnabledExternalFunctions(false).build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "feel-eval");
        t.setDaemon(true);
        return t;
    });

    private FeelExpressions() {
    }

    /** A parsed expression ready for evaluation. */
    public record Feel(String text, ParsedExpression parsed) {
    }

    /**
     * Parses FEEL (without its leading {@code =}); a refusal is the reason, for the schema problem.
     */
    public static Feel parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty FEEL expression");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("FEEL expression longer than " + MAX_LENGTH + " characters");
        }
        ParseResult result;
        try {
            result = ENGINE.parseExpression(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("FEEL expression cannot be parsed");
        }
        if (result.isFailure()) {
            throw new IllegalArgumentException("FEEL expression cannot be parsed: " + result.failure().message());
        }
        int[] nodes = {0};
        check(result.parsedExpression().expression(), nodes, 0);
        return new Feel(text, result.parsedExpression());
    }

    private static void check(Object node, int[] nodes, int depth) {
        if (++nodes[0] > MAX_NODES || depth > 60) {
            throw new IllegalArgumentException("FEEL expression too large (more than " + MAX_NODES + " parts)");
        }
        if (node instanceof Exp) {
            String kind = node.getClass().getSimpleName();
            if (REFUSED_NODES.contains(kind)) {
                throw new IllegalArgumentException("FEEL " + describe(kind) + " is not allowed in a form");
            }
            if (node instanceof FunctionInvocation f && REFUSED_FUNCTIONS.contains(f.function())) {
                throw new IllegalArgumentException("FEEL function " + f.function() + "() is not allowed in a form (regular expressions)");
            }
        }
        if (node instanceof scala.collection.Iterable<?> items) {
            items.foreach(child -> {
                check(child, nodes, depth + 1);
                return null;
            });
        } else if (node instanceof scala.Product product) {
            product.productIterator().foreach(child -> {
                check(child, nodes, depth + 1);
                return null;
            });
        }
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "For", "IterationContext" -> "iteration (for … in … return)";
            case "SomeItem", "EveryItem" -> "quantifier (some/every)";
            default -> "function definition";
        };
    }

    private static final java.util.concurrent.ConcurrentMap<String, Feel> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Evaluates FEEL a schema declared (parsed once and kept: schemas are few). */
    public static Optional<Object> evaluate(String text, Map<String, Object> variables) {
        return evaluate(PARSED.computeIfAbsent(text, FeelExpressions::parse), variables);
    }

    /**
     * Evaluates with the given variables (plain JSON values). Empty when the expression fails or yields null;
     * {@link EvaluationTimeout} when it runs longer than the limit.
     */
    public static Optional<Object> evaluate(Feel feel, Map<String, Object> variables) {
        Future<Object> run = POOL.submit(() -> {
            var result = ENGINE.evaluate(feel.parsed(), variables);
            return result.isSuccess() ? result.result() : null;
        });
        try {
            return Optional.ofNullable(run.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new EvaluationTimeout();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationTimeout();
        }
    }

    /** An expression ran out of time. */
    public static final class EvaluationTimeout extends RuntimeException {
        EvaluationTimeout() {
            super("FEEL evaluation took longer than " + TIME_LIMIT_MS + " ms", null, false, false);
        }
    }
}
