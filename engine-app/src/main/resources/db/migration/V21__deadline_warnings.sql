-- Deadline warnings (红黄牌) raised by engine timers: at most one per case, scope (the whole case, or one step by its
-- task id) and card. The unique key is the second wall behind the engine's job lock when several nodes run timers.
CREATE TABLE tb_deadline_warning (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id    BIGINT       NOT NULL,
  scope_key  VARCHAR(64)  NOT NULL,
  step_key   VARCHAR(64),
  step_name  VARCHAR(100),
  card       VARCHAR(8)   NOT NULL,
  deadline   DATE         NOT NULL,
  raised_at  TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL  -- explicit default: no ON UPDATE on old MariaDB
);
CREATE UNIQUE INDEX ux_deadline_warning ON tb_deadline_warning (case_id, scope_key, card);
CREATE INDEX ix_deadline_warning_raised ON tb_deadline_warning (raised_at);

-- How each accepted case ended against its clock, written when it concludes (and filled in by the statistics for
-- cases concluded earlier): the supervision statistics (效能监察) aggregate these rows instead of replaying histories.
CREATE TABLE tb_case_outcome (
  case_id           BIGINT      NOT NULL PRIMARY KEY,
  item_code         VARCHAR(64) NOT NULL,
  concluded_at      TIMESTAMP   DEFAULT CURRENT_TIMESTAMP NOT NULL,
  used_working_days INT         NOT NULL,
  on_time           BOOLEAN     NOT NULL,
  fully_online      BOOLEAN     NOT NULL
);
CREATE INDEX ix_case_outcome_concluded ON tb_case_outcome (concluded_at, item_code);

-- the statistics count cases received, accepted and concluded in a period
CREATE INDEX ix_case_submitted ON tb_case (submitted_at);
CREATE INDEX ix_case_accepted ON tb_case (accepted_at);
CREATE INDEX ix_case_concluded ON tb_case (concluded_at);
