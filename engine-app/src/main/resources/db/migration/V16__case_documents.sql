-- Notices (文书) issued at a case's steps: 受理通知书, 补正告知书, 不予受理决定书, 不予许可决定书. One per step:
-- (case, kind, step_ordinal) names the step — the n-th acceptance, correction request… in the case history — so a
-- repeated delivery of the step's event finds its document already there, whatever the clock's precision.
CREATE TABLE tb_case_document (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id         BIGINT       NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  step_ordinal    INT          NOT NULL,
  acted_at        TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,  -- explicit default: no ON UPDATE on old MariaDB
  document_number VARCHAR(64),
  department      VARCHAR(64)  NOT NULL,
  issued_at       TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
  sha256          VARCHAR(64),
  pdf             LONGBLOB,
  voided_at       TIMESTAMP    NULL  -- the step was recalled (撤回): the notice no longer stands
);
CREATE UNIQUE INDEX ux_case_document_step ON tb_case_document (case_id, kind, step_ordinal);
