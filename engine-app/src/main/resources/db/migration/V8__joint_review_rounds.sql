-- Joint-review rounds started by the lead department (牵头部门): the departments each send-back names for its
-- round (round 1, started by acceptance, is the item's joint review and has no row). The send-back itself, with
-- who, when and the reason, is the SEND_BACK entry of tb_case_event.
CREATE TABLE tb_joint_review_round (
  case_id     BIGINT       NOT NULL,
  round_no    INT          NOT NULL,
  departments VARCHAR(512) NOT NULL,
  PRIMARY KEY (case_id, round_no)
);
