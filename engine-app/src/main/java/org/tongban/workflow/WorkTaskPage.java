package org.tongban.workflow;

import java.util.List;

/** One page of a task query and the total over all pages. */
public record WorkTaskPage(List<WorkTask> items, long total) {
}
