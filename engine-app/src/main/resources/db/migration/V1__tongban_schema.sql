-- Tongban's own tables (Flowable owns ACT_*). Portable across H2 (default mode) and MySQL 8 / MariaDB.

CREATE TABLE tb_department (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_zh     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200) NOT NULL
);

CREATE TABLE tb_user (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  id_type       VARCHAR(16),
  id_number     VARCHAR(32),
  enabled       BOOLEAN      NOT NULL
);

CREATE TABLE tb_user_role (
  username VARCHAR(64) NOT NULL,
  role     VARCHAR(16) NOT NULL,
  PRIMARY KEY (username, role)
);

CREATE TABLE tb_user_department (
  username        VARCHAR(64) NOT NULL,
  department_code VARCHAR(32) NOT NULL,
  PRIMARY KEY (username, department_code)
);

CREATE TABLE tb_case (
  id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number           VARCHAR(32),
  query_code_hash       VARCHAR(64)  NOT NULL,
  item_code             VARCHAR(64)  NOT NULL,
  process_instance_id   VARCHAR(64),
  process_definition_id VARCHAR(255),
  applicant             VARCHAR(64)  NOT NULL,
  status                VARCHAR(32)  NOT NULL,
  form_data             LONGTEXT     NOT NULL,
  submitted_at          TIMESTAMP    NOT NULL,
  accepted_at           TIMESTAMP    NULL,
  concluded_at          TIMESTAMP    NULL
);
CREATE UNIQUE INDEX ux_case_number ON tb_case (case_number);
CREATE INDEX ix_case_applicant ON tb_case (applicant);
CREATE INDEX ix_case_process ON tb_case (process_instance_id);

CREATE TABLE tb_material (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT       NOT NULL,
  material_code VARCHAR(64)  NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        VARCHAR(64)  NOT NULL,
  content       LONGBLOB     NOT NULL,
  uploaded_at   TIMESTAMP    NOT NULL,
  superseded    BOOLEAN      NOT NULL
);
CREATE INDEX ix_material_case ON tb_material (case_id);

-- Case history (办件过程记录): every step, who, which department, what, when, opinion.
CREATE TABLE tb_case_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT        NOT NULL,
  occurred_at TIMESTAMP     NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  actor_name  VARCHAR(100)  NOT NULL,
  department  VARCHAR(32),
  step_key    VARCHAR(64),
  step_name   VARCHAR(100),
  action      VARCHAR(32)   NOT NULL,
  opinion     VARCHAR(2000)
);
CREATE INDEX ix_case_event_case ON tb_case_event (case_id);

CREATE TABLE tb_licence (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  licence_number VARCHAR(64),
  case_id        BIGINT       NOT NULL,
  item_code      VARCHAR(64)  NOT NULL,
  holder_name    VARCHAR(200) NOT NULL,
  holder_id      VARCHAR(32),
  issuer         VARCHAR(100) NOT NULL,
  issued_at      TIMESTAMP    NOT NULL,
  valid_until    DATE         NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  sha256         VARCHAR(64),
  pdf            LONGBLOB
);
CREATE UNIQUE INDEX ux_licence_number ON tb_licence (licence_number);
CREATE UNIQUE INDEX ux_licence_case ON tb_licence (case_id);

-- Audit trail of actions outside a case's own history (deployments, licence downloads, ...).
CREATE TABLE tb_audit_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP     NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  action      VARCHAR(64)   NOT NULL,
  subject     VARCHAR(200)  NOT NULL,
  detail      VARCHAR(2000)
);
