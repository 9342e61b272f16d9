-- Special procedures (特别程序) that pause a case's statutory clock: hearing, inspection, appraisal, expert review,
-- public notice… with reason and legal basis, who started and ended it and when. At most one is open per case
-- (open_case_id is the case id while open, NULL once ended: a unique key keeps two from being opened at once).
CREATE TABLE tb_case_pause (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  legal_basis  VARCHAR(200) NOT NULL,
  started_at   TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,  -- explicit default: no ON UPDATE on old MariaDB
  started_by   VARCHAR(64)  NOT NULL,
  ended_at     TIMESTAMP    NULL,
  ended_by     VARCHAR(64),
  open_case_id BIGINT
);
CREATE INDEX ix_case_pause_case ON tb_case_pause (case_id);
CREATE UNIQUE INDEX ux_case_pause_open ON tb_case_pause (open_case_id);
