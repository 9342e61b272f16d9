-- Who may see a case: the departments that have (or had) a step in it, written by the engine's
-- task-created listener (cases/internal/CaseDepartmentRecorder), never read from engine history.
-- role: LEAD for a department's own steps (acceptance, review, decision), JOINT_REVIEW for 并联审查.
CREATE TABLE tb_case_department (
  case_id    BIGINT      NOT NULL,
  department VARCHAR(32) NOT NULL,
  role       VARCHAR(16) NOT NULL,
  since      TIMESTAMP   NOT NULL,
  PRIMARY KEY (case_id, department, role)
);
CREATE INDEX ix_case_department_department ON tb_case_department (department);
