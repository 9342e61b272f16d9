-- 变更 (amendment): a licence version may print data changed since the application (a new address, a new legal
-- representative). face_data holds the form data that version was rendered from (JSON; null: the case's own form
-- data); a renewal carries it on. Why it was amended is audited (LICENCE_AMENDED) and kept here.
ALTER TABLE tb_licence ADD COLUMN face_data LONGTEXT;
ALTER TABLE tb_licence ADD COLUMN amendment_reason VARCHAR(500);
