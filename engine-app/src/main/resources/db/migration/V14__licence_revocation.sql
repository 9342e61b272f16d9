-- Revocation (注销): when, by whom, why (also in the audit log).
ALTER TABLE tb_licence ADD COLUMN revoked_at TIMESTAMP NULL;
ALTER TABLE tb_licence ADD COLUMN revoked_by VARCHAR(64) NULL;
ALTER TABLE tb_licence ADD COLUMN revocation_reason VARCHAR(500) NULL;
