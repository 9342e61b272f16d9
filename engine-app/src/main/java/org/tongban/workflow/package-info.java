/**
 * The only code that talks to Flowable: starting a case's process, task queries, the approver operations as
 * one command class each run inside one retrying transaction, process variables, deployment and the engine's
 * configuration. Other modules see our own types ({@link org.tongban.workflow.WorkTask}), never the engine's.
 */
package org.tongban.workflow;
