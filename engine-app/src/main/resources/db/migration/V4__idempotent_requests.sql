-- Idempotency-Key on submission and resubmission: the first successful response per (user, key), kept
-- 24 hours and replayed to retries. The key is stored as its SHA-256 (hex), so a case-insensitive
-- collation cannot merge two keys and the column has a fixed width.
CREATE TABLE tb_idempotent_request (
  username      VARCHAR(64)  NOT NULL,
  key_hash      VARCHAR(64)  NOT NULL,
  endpoint      VARCHAR(200) NOT NULL,
  request_hash  VARCHAR(64)  NOT NULL,
  status_code   INT,
  response_body LONGTEXT,
  created_at    TIMESTAMP    NOT NULL,
  PRIMARY KEY (username, key_hash)
);
CREATE INDEX ix_idempotent_request_created ON tb_idempotent_request (created_at);
