-- Form versions (表单版本): every deployed form-js schema, kept for ever; a case keeps the version it was submitted with.
CREATE TABLE tb_form_version (
  form_id     VARCHAR(64)  NOT NULL,
  version     INT          NOT NULL,
  schema_json LONGTEXT     NOT NULL,
  sha256      VARCHAR(64)  NOT NULL,
  deployed_at TIMESTAMP    NOT NULL,
  deployed_by VARCHAR(64)  NOT NULL,
  PRIMARY KEY (form_id, version)
);

-- NULL on cases submitted before versions existed: they were submitted with version 1 (the files then shipped).
ALTER TABLE tb_case ADD COLUMN form_version INT NULL;
