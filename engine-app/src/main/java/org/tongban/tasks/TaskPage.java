package org.tongban.tasks;

import java.util.List;

/** One page of a queue: the tasks, the page asked for (0-based), its size and how many tasks match in all. */
public record TaskPage(List<TaskView> items, int page, int size, long total) {
}
