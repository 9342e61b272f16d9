-- Rate-limit buckets shared by every node (Bucket4j state, compare-and-swap): public lookups per client address and
-- failed logins per account and address are limited across the cluster, not once per node. Rows untouched for a day
-- are deleted by any node (a bucket that old has refilled anyway).
CREATE TABLE tb_rate_limit_bucket (
  bucket_key  VARCHAR(200)   NOT NULL PRIMARY KEY,
  state       VARBINARY(2048) NOT NULL,
  updated_at  BIGINT         NOT NULL
);
CREATE INDEX ix_rate_limit_bucket_updated ON tb_rate_limit_bucket (updated_at);
