-- Materials live in the material store (docs/materials.md); tb_material keeps the key. Rows written before V11 keep
-- their bytes in content and stay readable from there (no key). licence_number: a licence attached by reference.
ALTER TABLE tb_material ADD COLUMN storage_key VARCHAR(64) NULL;
ALTER TABLE tb_material ALTER COLUMN content SET NULL;
ALTER TABLE tb_material ADD COLUMN licence_number VARCHAR(64) NULL;
