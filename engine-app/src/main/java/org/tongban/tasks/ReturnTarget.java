package org.tongban.tasks;

/**
 * Where the holder of a task may send the case back (退回): {@code to} is what to send ({@code applicant}, or the
 * step key), with the step's key, name and kind.
 */
public record ReturnTarget(String to, String stepKey, String stepName, String stepKind) {

    public static final String PREVIOUS = "previous";
    public static final String APPLICANT = "applicant";
}
