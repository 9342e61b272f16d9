-- Service ratings (好差评): one per case, by its applicant, once it is concluded. A bad rating (level 1 or 2) has a
-- follow-up deadline for the item's department and, once answered, the department's response.
CREATE TABLE tb_rating (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT        NOT NULL,
  item_code     VARCHAR(64)   NOT NULL,
  department    VARCHAR(64)   NOT NULL,
  applicant     VARCHAR(64)   NOT NULL,
  rating_level  INT           NOT NULL,
  reasons       VARCHAR(500),
  comment_text  VARCHAR(1000),
  rated_at      TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL,  -- explicit default: no ON UPDATE on old MariaDB
  follow_up_due DATE,
  response      VARCHAR(1000),
  responded_by  VARCHAR(64),
  responded_at  TIMESTAMP     NULL
);
CREATE UNIQUE INDEX ux_rating_case ON tb_rating (case_id);
CREATE INDEX ix_rating_department ON tb_rating (department, rating_level);
