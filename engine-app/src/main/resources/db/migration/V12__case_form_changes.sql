-- Form data changed at a step (tongban:editableAt): one row per changed top-level field, with the values before and
-- after as JSON, so the case history shows who changed what where (the event EDIT_FORM names the fields).
CREATE TABLE tb_case_form_change (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT       NOT NULL,
  changed_at  TIMESTAMP    NOT NULL,
  actor       VARCHAR(64)  NOT NULL,
  actor_name  VARCHAR(100) NOT NULL,
  step_key    VARCHAR(64)  NOT NULL,
  step_name   VARCHAR(100),
  field_key   VARCHAR(64)  NOT NULL,
  old_value   LONGTEXT,
  new_value   LONGTEXT
);
CREATE INDEX ix_case_form_change_case ON tb_case_form_change (case_id);
