-- Licence template versions (证照模板版本): every template deployed from the designer studio or shipped under
-- templates/licences/, kept for ever. New licences, renewals and amendments print the latest version; a licence
-- records the version it was printed with (NULL: issued before versions, with the file then shipped).
CREATE TABLE tb_licence_template_version (
  template_code VARCHAR(64)  NOT NULL,
  version       INT          NOT NULL,
  body_yaml     LONGTEXT     NOT NULL,
  sha256        VARCHAR(64)  NOT NULL,
  deployed_at   TIMESTAMP    NOT NULL,
  deployed_by   VARCHAR(64)  NOT NULL,
  PRIMARY KEY (template_code, version)
);

ALTER TABLE tb_licence ADD COLUMN template_version INT NULL;
