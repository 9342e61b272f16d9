package org.tongban.notices;

/** 催办 (the current holders of a case are urged) or 抄送 (a case copied to someone for information). */
public enum NoticeKind { URGE, CC }
