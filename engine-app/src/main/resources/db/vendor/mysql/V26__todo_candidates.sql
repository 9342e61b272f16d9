-- The departments' to-do queues (待办) as a table of our own (workflow/internal/TodoProjection, docs/scale.md).
--
-- One row per open process task and candidate department (a Flowable candidate-group link), with what the to-do
-- page filters and orders on. The engine keeps the department on the link and the time on the task, so counting and
-- ordering a department's 3,000 open tasks meant reading every link and then every task by key (~11 ms of a 17 ms
-- page on a million cases); here both are one range of one index. Written in the engine's own command, from its
-- task and identity-link events, so it commits or rolls back with the change it mirrors.
--
-- The text columns have the character set and collation of the engine's columns they mirror (Flowable creates its
-- tables utf8mb3 / utf8mb3_bin): the page joins task_id to ACT_RU_TASK.ID_, and with utf8mb4 on one side MariaDB
-- converted every task id and read all open tasks instead of the page's 20 by primary key.
CREATE TABLE tb_todo_candidate (
  task_id     VARCHAR(64)  CHARACTER SET utf8mb3 COLLATE utf8mb3_bin NOT NULL,
  department  VARCHAR(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin NOT NULL,
  claimed     BOOLEAN      NOT NULL,  -- the task has an assignee (ACT_RU_TASK.ASSIGNEE_ IS NOT NULL)
  category    VARCHAR(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin NULL,      -- the step kind (ACT_RU_TASK.CATEGORY_)
  created_at  DATETIME(3)  NULL,      -- ACT_RU_TASK.CREATE_TIME_
  due_at      DATETIME(3)  NULL,      -- ACT_RU_TASK.DUE_DATE_
  PRIMARY KEY (task_id, department)
);
-- A department's unclaimed (or claimed) tasks in the page's default order, counted and paged from the index alone.
CREATE INDEX ix_todo_candidate_queue ON tb_todo_candidate (department, claimed, created_at, task_id, category, due_at);

-- The open tasks of a database upgraded to this version.
INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at)
SELECT DISTINCT L.TASK_ID_, L.GROUP_ID_, CASE WHEN T.ASSIGNEE_ IS NULL THEN FALSE ELSE TRUE END, T.CATEGORY_,
       T.CREATE_TIME_, T.DUE_DATE_
FROM ACT_RU_IDENTITYLINK L JOIN ACT_RU_TASK T ON T.ID_ = L.TASK_ID_
WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL AND T.PROC_INST_ID_ IS NOT NULL;
