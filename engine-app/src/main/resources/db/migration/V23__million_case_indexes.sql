-- A million cases and 100,000 open tasks (docs/scale.md).
--
-- The to-do list (workflow/internal/TodoMapper) finds an approver's tasks from each side of its OR: the tasks assigned
-- to them, those they own (delegated), and their departments' candidate links. Flowable indexes none of the first two,
-- and its ACT_IDX_IDENT_LNK_GROUP needs a row read per link; without these every to-do page read all open tasks.
-- The engine creates its tables before Flyway runs (workflow/internal/EngineTablesFirst), so these can be here.
CREATE INDEX tb_ix_task_assignee ON ACT_RU_TASK (ASSIGNEE_);
CREATE INDEX tb_ix_task_owner ON ACT_RU_TASK (OWNER_);
CREATE INDEX tb_ix_ident_lnk_group_task ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- The supervisor's statistics for a period (supervision/internal/StatisticsMapper, timelimits' OutcomeMapper.missing):
-- each count reads only an index over its time column, never the case rows (about 1.3 KB each with the form data).
-- A month of a million cases over two years is ~40,000 cases: 7 s a request from the rows, ~0.2 s from these.
CREATE INDEX ix_case_submitted_item ON tb_case (submitted_at, item_code, case_number);
CREATE INDEX ix_case_accepted_item ON tb_case (accepted_at, item_code);
CREATE INDEX ix_case_concluded_item ON tb_case (concluded_at, status, item_code, accepted_at);
CREATE INDEX ix_case_outcome_concluded_sums ON tb_case_outcome (concluded_at, item_code, on_time, used_working_days, fully_online);
-- "asked for a correction at least once": one index probe per case instead of reading its history's rows
CREATE INDEX ix_case_event_case_action ON tb_case_event (case_id, action);
