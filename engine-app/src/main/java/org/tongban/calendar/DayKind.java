package org.tongban.calendar;

/** 放假 (a holiday, even on a weekday) or 调休上班 (a make-up working day, on a weekend). */
public enum DayKind { HOLIDAY, WORKDAY }
