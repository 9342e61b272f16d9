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
 * FEEL engine. A designer's FEEL is untrusted: it is parsed once when the schema is read, and only expressions built
 * from an allow-list of syntax (literals, names, paths and filters, arithmetic, comparisons, {@code and}/{@code or}/
 * {@code not}, {@code if}, {@code in}, ranges) and of built-in functions (text, numbers, dates, lists; no regular
 * expressions — ReDoS) are kept: loops, quantifiers, function definitions (the door to {@code external} Java
 * functions, which the engine also keeps disabled) and anything a later engine version adds are refused, as are long
 * or large expressions; evaluation sees
 * only the form data (JSON maps, lists, strings, numbers, booleans — no Java objects) and runs on a small pool with a
 * time limit, so a slow expression fails the submission instead of holding the request.
 */
public final class FeelExpressions {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_NODES = 300;
    static final long TIME_LIMIT_MS = 500;
    /** How long an evaluation may wait for a free evaluator before it runs (not counted against its time limit). */
    static final long QUEUE_LIMIT_MS = 10_000;
    /** The longest an evaluation may take in wall time, however little CPU it got. */
    static final long WALL_LIMIT_MS = 5_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The syntax tree nodes (org.camunda.feel.syntaxtree) a form's FEEL may contain. */
    private static final Set<String> ALLOWED_NODES = Set.of("ConstBool", "ConstNull", "ConstNumber", "ConstString",
            "ConstDate", "ConstLocalTime", "ConstTime", "ConstLocalDateTime", "ConstDateTime", "ConstYearMonthDuration",
            "ConstDayTimeDuration", "ConstList", "ConstContext", "ConstRange", "ConstInputValue", "Ref", "PathExpression",
            "Filter", "Addition", "Subtraction", "Multiplication", "Division", "Exponentiation", "ArithmeticNegation",
            "Equal", "LessThan", "LessOrEqual", "GreaterThan", "GreaterOrEqual", "In", "InputEqualTo", "InputLessThan",
            "InputLessOrEqual", "InputGreaterThan", "InputGreaterOrEqual", "InputInRange", "AtLeastOne", "Not",
            "Conjunction", "Disjunction", "If", "InstanceOf", "UnaryTestExpression", "FunctionInvocation");
    /** The built-in functions a form's FEEL may call: linear in their input, no regular expressions. */
    private static final Set<String> ALLOWED_FUNCTIONS = Set.of("not", "is defined", "get or else", "string length",
            "substring", "substring before", "substring after", "upper case", "lower case", "contains", "starts with",
            "ends with", "string", "string join", "number", "date", "time", "date and time", "duration",
            "years and months duration", "day of week", "day of year", "month of year", "week of year", "today", "now",
            "abs", "floor", "ceiling", "decimal", "round up", "round down", "round half up", "round half down", "modulo",
            "odd", "even", "min", "max", "sum", "count", "mean", "list contains", "is empty", "append", "concatenate",
            "index of", "sublist", "flatten", "distinct values", "reverse", "get value", "get entries");

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.create().withEnabledExternalFunctions(false).build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
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
            String kind = node.getClass().getSimpleName().replace("$", ""); // Scala case objects end in $
            if (!ALLOWED_NODES.contains(kind)) {
                throw new IllegalArgumentException("FEEL " + describe(kind) + " is not allowed in a form");
            }
            if (node instanceof FunctionInvocation f && !ALLOWED_FUNCTIONS.contains(f.function())) {
                throw new IllegalArgumentException("FEEL function " + f.function() + "() is not allowed in a form (only "
                        + "built-ins for text, numbers, dates and lists, none with regular expressions: docs/forms.md)");
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
            case "FunctionDefinition", "JavaFunctionInvocation" -> "function definition";
            default -> "syntax " + kind;
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
        var started = new java.util.concurrent.CompletableFuture<Long>(); // the evaluator thread's CPU time at start
        long[] thread = new long[1];
        Future<Object> run = POOL.submit(() -> {
            thread[0] = Thread.currentThread().getId();
            started.complete(CPU.getCurrentThreadCpuTime());
            var result = ENGINE.evaluate(feel.parsed(), variables);
            return result.isSuccess() ? result.result() : null;
        });
        try {
            // The limit is the expression's own CPU time. Waiting for a free evaluator, or for a core on a loaded
            // machine, is not the expression's fault: counted as wall time, it failed valid applications under load
            // (TwoNodeKillIT). A wall-clock cap still ends any evaluation that is starved for long.
            long cpuAtStart = started.get(QUEUE_LIMIT_MS, TimeUnit.MILLISECONDS);
            long limit = TimeUnit.MILLISECONDS.toNanos(TIME_LIMIT_MS);
            long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WALL_LIMIT_MS);
            while (true) {
                try {
                    return Optional.ofNullable(run.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException slow) {
                    long used = CPU.getThreadCpuTime(thread[0]) - cpuAtStart;
                    if (used >= limit || System.nanoTime() > giveUp) {
                        throw slow;
                    }
                }
            }
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

    /** Loads the engine's classes at start-up, so the first application after a restart does not pay for them. */
    public static void warmUp() {
        for (String text : new String[] {"if date(\"2026-12-05\") - date(\"2026-01-01\") > duration(\"P1D\") then 1 + 2 * 3 else 0",
                "string length(upper case(\"x\")) + count([1, 2]) + sum([1.5, 2]) > 1 and not(false)"}) {
            ENGINE.evaluate(parse(text).parsed(), Map.of());
        }
    }

    /** An expression ran out of time. */
    public static final class EvaluationTimeout extends RuntimeException {
        EvaluationTimeout() {
            super("FEEL evaluation took longer than " + TIME_LIMIT_MS + " ms", null, false, false);
        }
    }
}
