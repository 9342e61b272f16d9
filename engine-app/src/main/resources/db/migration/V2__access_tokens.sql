-- Bearer tokens for API clients. Only the SHA-256 of a token is stored: a leaked table cannot be replayed.
-- Portable across H2 (default mode) and MySQL 8 / MariaDB.

CREATE TABLE tb_access_token (
  token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
  username    VARCHAR(64)  NOT NULL,
  issued_at   TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,  -- explicit default: no ON UPDATE on old MariaDB
  expires_at  TIMESTAMP    NOT NULL,
  revoked_at  TIMESTAMP    NULL
);
CREATE INDEX ix_access_token_user ON tb_access_token (username);
