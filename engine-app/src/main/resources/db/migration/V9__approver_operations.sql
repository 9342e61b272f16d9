-- Approver operations (issue 8, helper C): whom an event acts on, and notices (催办 urge, 抄送 CC).

-- The person(s) or department an operation acts on: transfer to X, delegate to X, CC to X and Y.
ALTER TABLE tb_case_event ADD COLUMN target VARCHAR(512);

-- One row per recipient. kind URGE: the current holders of a case were urged; kind CC: the case was copied to the
-- recipient for information, which lets them see it read-only (cases' visibility rule reads this table).
CREATE TABLE tb_notice (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(8)    NOT NULL,
  case_id     BIGINT        NOT NULL,
  case_number VARCHAR(32)   NOT NULL,
  item_code   VARCHAR(64)   NOT NULL,
  recipient   VARCHAR(64)   NOT NULL,
  sender      VARCHAR(64)   NOT NULL,
  sender_name VARCHAR(100)  NOT NULL,
  step_name   VARCHAR(100),
  message     VARCHAR(500),
  created_at  TIMESTAMP     NOT NULL,
  read_at     TIMESTAMP     NULL
);
CREATE INDEX ix_notice_recipient ON tb_notice (recipient, kind, id);
CREATE INDEX ix_notice_case ON tb_notice (case_id, kind);

-- Urges by one person on one case: the key allows one per clock hour, so two concurrent urges cannot both pass
-- the "once per hour" check (the check itself looks back a full hour).
CREATE TABLE tb_urge (
  case_id   BIGINT      NOT NULL,
  urger     VARCHAR(64) NOT NULL,
  hour_slot BIGINT      NOT NULL,
  urged_at  TIMESTAMP   NOT NULL,
  PRIMARY KEY (case_id, urger, hour_slot)
);
