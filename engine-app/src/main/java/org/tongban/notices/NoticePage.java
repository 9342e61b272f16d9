package org.tongban.notices;

import java.util.List;

/** One page of a recipient's notices (0-based), with how many match in all and how many of those are unread. */
public record NoticePage(List<Notice> items, int page, int size, long total, long unread) {
}
