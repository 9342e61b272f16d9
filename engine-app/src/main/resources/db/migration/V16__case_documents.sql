-- Notices (文书) issued at a case's steps: 受理通知书, 补正告知书, 不予受理决定书, 不予许可决定书. One per step:
-- (case, kind, acted_at) is the step's event, so a repeated delivery of the event finds its document already there.
CREATE TABLE tb_case_document (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id         BIGINT       NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  acted_at        TIMESTAMP    NOT NULL,
  document_number VARCHAR(64),
  department      VARCHAR(64)  NOT NULL,
  issued_at       TIMESTAMP    NOT NULL,
  sha256          VARCHAR(64),
  pdf             LONGBLOB
);
CREATE UNIQUE INDEX ux_case_document_step ON tb_case_document (case_id, kind, acted_at);
