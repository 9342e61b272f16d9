/**
 * What several application nodes on one database need beyond the engine's own job sharing: resuming the after-commit
 * work a dead node left unfinished. Locks are the workflow module's ({@link org.tongban.workflow.ClusterLocks}).
 */
package org.tongban.cluster;
