package org.tongban.tasks;

/** A colleague a task may be handed to (转办, 委派): for the pickers of the task page. */
public record Colleague(String username, String name) {
}
