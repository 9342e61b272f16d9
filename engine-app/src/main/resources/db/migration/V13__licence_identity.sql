-- E-licence identity (issue 10): the GB/T 36904 identifier, the unguessable token of the public verification URL
-- (in the QR code), and the version (an amendment or renewal is a new version of the same serial).
ALTER TABLE tb_licence ADD COLUMN identifier VARCHAR(128) NULL;
ALTER TABLE tb_licence ADD COLUMN verify_token VARCHAR(64) NULL;
ALTER TABLE tb_licence ADD COLUMN version INT NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX ux_licence_identifier ON tb_licence (identifier);
CREATE UNIQUE INDEX ux_licence_verify_token ON tb_licence (verify_token);
