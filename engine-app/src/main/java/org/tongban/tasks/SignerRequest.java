package org.tongban.tasks;

/**
 * 加签 / 减签 request: the department to add or remove, where an added one signs (BEFORE or AFTER the current
 * department of a sequential countersign, PARALLEL beside the others), and the reason (required, recorded).
 */
public record SignerRequest(String department, String position, String reason) {
}
