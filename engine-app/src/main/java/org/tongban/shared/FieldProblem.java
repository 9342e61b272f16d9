package org.tongban.shared;

import java.util.List;

/**
 * One field-level problem of a request. {@code code} is a message key suffix ({@code error.field.<code>})
 * resolved to zh-CN and en by the web layer; {@code args} fill the message (the field label comes first).
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
