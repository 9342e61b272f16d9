package org.tongban.tasks;

import java.util.List;

/** One page of a queue: its items, the page asked for (0-based), its size and how many items match in all. */
public record TaskPage<T>(List<T> items, int page, int size, long total) {
}
