package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A to-do query: the tasks assigned to {@code assignee} or, when {@code candidateGroups} is not empty, open to
 * those groups ({@code includeClaimedByOthers}: also the ones colleagues claimed), filtered, ordered (ties by
 * task id, so paging is stable) and paged.
 */
public record TaskCriteria(String assignee, List<String> candidateGroups, boolean includeClaimedByOthers,
                           Boolean claimed, List<String> categories, String caseNumber, String itemCode,
                           Instant dueBefore, Order order, int firstResult, int maxResults) {

    public enum Order { CREATED_ASC, CREATED_DESC, DUE_ASC, DUE_DESC }
}
