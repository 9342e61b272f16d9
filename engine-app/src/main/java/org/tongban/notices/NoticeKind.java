package org.tongban.notices;

/**
 * 催办 (the current holders of a case are urged), 抄送 (a case copied to someone for information) or 预警 (a yellow
 * or red card on a deadline, sent by the platform: its message is "{@code YELLOW|RED <deadline>}").
 */
public enum NoticeKind { URGE, CC, WARNING }
