-- Spring Modulith 1.4's event publication registry (schema-mysql.sql / schema-mariadb.sql of
-- spring-modulith-events-jdbc): a CaseGranted stays here, incomplete, until its licence is committed;
-- incomplete ones are resubmitted at start. One change: PUBLICATION_DATE has an explicit default, so a server
-- with explicit_defaults_for_timestamp=OFF (MariaDB before 10.10) does not add ON UPDATE CURRENT_TIMESTAMP to it.
CREATE TABLE IF NOT EXISTS EVENT_PUBLICATION
(
  ID               VARCHAR(36) NOT NULL,
  LISTENER_ID      VARCHAR(512) NOT NULL,
  EVENT_TYPE       VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
  PUBLICATION_DATE TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  COMPLETION_DATE  TIMESTAMP(6) DEFAULT NULL NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
);
