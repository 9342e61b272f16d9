package org.tongban.tasks;

/** 退回: {@code to} is {@code previous}, {@code applicant} or the key of an earlier step; {@code reason} is required. */
public record ReturnRequest(String to, String reason) {
}
