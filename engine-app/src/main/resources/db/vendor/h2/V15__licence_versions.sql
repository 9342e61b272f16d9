-- Licence versions (issue 10): a renewal (延续) is a new row of the same case and number with version + 1; the
-- previous version becomes SUPERSEDED. Uniqueness moves from the case and the number to (case, version) and
-- (number, version); a concurrent first issue still meets the unique key on (case, version 1).
DROP INDEX ux_licence_case;
DROP INDEX ux_licence_number;
CREATE UNIQUE INDEX ux_licence_case_version ON tb_licence (case_id, version);
CREATE UNIQUE INDEX ux_licence_number_version ON tb_licence (licence_number, version);
