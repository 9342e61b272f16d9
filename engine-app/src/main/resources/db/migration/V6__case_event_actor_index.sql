-- The done list (已办) reads an approver's own recorded steps, newest first.
CREATE INDEX ix_case_event_actor ON tb_case_event (actor, id);
