package org.tongban.cases.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.DoneStep;
import org.tongban.cases.CaseView.MaterialInfo;

@Mapper
public interface CaseMapper {

    String CASE_COLUMNS = "id, case_number, query_code_hash, item_code, process_instance_id, process_definition_id, "
            + "applicant, status, form_data, form_version, submitted_at, accepted_at, concluded_at";

    @Insert("INSERT INTO tb_case (query_code_hash, item_code, process_instance_id, applicant, status, form_data, form_version, submitted_at) "
            + "VALUES (#{queryCodeHash}, #{itemCode}, #{processInstanceId}, #{applicant}, #{status}, #{formData}, #{formVersion}, #{submittedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(CaseRow row);

    /** After the start: the number (from the generated id) and the definition version the engine chose. */
    @Update("UPDATE tb_case SET case_number = #{caseNumber}, process_definition_id = #{processDefinitionId} WHERE id = #{id}")
    void attachProcess(long id, String caseNumber, String processDefinitionId);

    /** Moves the case only from the expected status: 0 rows means someone else moved it first. */
    @Update("UPDATE tb_case SET status = #{to}, "
            + "accepted_at = COALESCE(#{acceptedAt,jdbcType=TIMESTAMP}, accepted_at), "
            + "concluded_at = COALESCE(#{concludedAt,jdbcType=TIMESTAMP}, concluded_at) "
            + "WHERE id = #{id} AND status = #{from}")
    int moveStatus(long id, String from, String to, Instant acceptedAt, Instant concludedAt);

    @Update("UPDATE tb_case SET query_code_hash = #{hash} WHERE id = #{id}")
    void updateQueryCode(long id, String hash);

    @Update("UPDATE tb_case SET form_data = #{formData} WHERE id = #{id}")
    void updateForm(long id, String formData);

    @Select("SELECT " + CASE_COLUMNS + " FROM tb_case WHERE case_number = #{caseNumber}")
    CaseRow byNumber(String caseNumber);

    @Select("SELECT " + CASE_COLUMNS + " FROM tb_case WHERE id = #{id}")
    CaseRow byId(long id);

    @Select("SELECT " + CASE_COLUMNS + " FROM tb_case WHERE process_instance_id = #{processInstanceId}")
    CaseRow byProcessInstance(String processInstanceId);


    @Select("SELECT " + CASE_COLUMNS + " FROM tb_case WHERE applicant = #{applicant} ORDER BY id DESC")
    List<CaseRow> byApplicant(String applicant);

    /** The file itself is in the material store under {@code storageKey} (docs/materials.md). */
    @Insert("INSERT INTO tb_material (case_id, material_code, file_name, content_type, size_bytes, sha256, content, uploaded_at, superseded, storage_key) "
            + "VALUES (#{caseId}, #{code}, #{fileName}, #{contentType}, #{size}, #{sha256}, NULL, #{at}, FALSE, #{storageKey})")
    void insertMaterial(long caseId, String code, String fileName, String contentType, long size, String sha256,
                        String storageKey, Instant at);

    @Update("UPDATE tb_material SET superseded = TRUE WHERE case_id = #{caseId} AND material_code = #{code}")
    void supersedeMaterial(long caseId, String code);

    @Select("SELECT id, material_code AS code, file_name, content_type, size_bytes, sha256, uploaded_at, superseded, licence_number "
            + "FROM tb_material WHERE case_id = #{caseId} AND superseded = FALSE ORDER BY id")
    List<MaterialInfo> materials(long caseId);

    /** A licence attached by reference (no file copied): its PDF is read from the licence when downloaded. */
    @Insert("INSERT INTO tb_material (case_id, material_code, file_name, content_type, size_bytes, sha256, content, uploaded_at, superseded, licence_number) "
            + "VALUES (#{caseId}, #{code}, #{fileName}, 'application/pdf', 0, #{sha256}, NULL, #{at}, FALSE, #{licenceNumber})")
    void insertLicenceReference(long caseId, String code, String fileName, String sha256, String licenceNumber, Instant at);

    /** Current and superseded (replaced during a correction) files, oldest first. */
    @Select("SELECT id, material_code AS code, file_name, content_type, size_bytes, sha256, uploaded_at, superseded, licence_number "
            + "FROM tb_material WHERE case_id = #{caseId} ORDER BY id")
    List<MaterialInfo> allMaterials(long caseId);

    /** Where a material's bytes are: the store's key, or (rows from before V11) the blob itself. */
    record Content(String storageKey, String licenceNumber, byte[] content) {
    }

    @Select("SELECT storage_key, licence_number, CASE WHEN storage_key IS NULL THEN content END AS content FROM tb_material "
            + "WHERE id = #{materialId} AND case_id = #{caseId}")
    Content materialContent(long caseId, long materialId);

    @Insert("INSERT INTO tb_case_event (case_id, occurred_at, actor, actor_name, department, step_key, step_name, action, opinion, target) "
            + "VALUES (#{caseId}, #{e.occurredAt}, #{e.actor}, #{e.actorName}, #{e.department}, #{e.stepKey}, #{e.stepName}, "
            + "#{e.action}, #{e.opinion}, #{e.target})")
    void insertEvent(long caseId, CaseEvent e);

    @Insert("INSERT INTO tb_case_form_change (case_id, changed_at, actor, actor_name, step_key, step_name, field_key, old_value, new_value) "
            + "VALUES (#{caseId}, #{at}, #{actor}, #{actorName}, #{step}, #{stepName}, #{field}, #{oldValue}, #{newValue})")
    void insertFormChange(long caseId, java.time.Instant at, String actor, String actorName, String step, String stepName,
                          String field, String oldValue, String newValue);

    /** Recorded field changes, values as stored JSON text. */
    @Select("SELECT changed_at, actor, actor_name, step_key, step_name, field_key AS field, old_value, new_value "
            + "FROM tb_case_form_change WHERE case_id = #{caseId} ORDER BY id")
    List<FormChangeRow> formChanges(long caseId);

    record FormChangeRow(java.time.Instant changedAt, String actor, String actorName, String stepKey, String stepName,
                         String field, String oldValue, String newValue) {
    }

    @Select("SELECT occurred_at, actor, actor_name, department, step_key, step_name, action, opinion, target "
            + "FROM tb_case_event WHERE case_id = #{caseId} ORDER BY id")
    List<CaseEvent> history(long caseId);

    /**
     * Actions that are not an approver's done step: the applicant's, and operations that only record who holds or
     * was told of a task (a delegate's RESOLVE, with its opinion, is their work and counts).
     */
    String NOT_DONE = "'SUBMIT', 'RESUBMIT', 'CLAIM', 'UNCLAIM', 'TRANSFER', 'DELEGATE', 'TAKE_BACK', 'URGE', 'CC', 'EDIT_FORM'";

    /** An approver's own steps, newest first (applicant actions and mere operations excluded); uses ix_case_event_actor. */
    @Select("SELECT c.case_number, c.item_code, e.step_key, e.step_name, e.department, e.action, e.opinion, "
            + "e.occurred_at AS completed_at FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
            + "WHERE e.actor = #{actor} AND e.action NOT IN (" + NOT_DONE + ") ORDER BY e.id DESC "
            + "LIMIT #{limit} OFFSET #{offset}")
    List<DoneStep> stepsBy(String actor, int offset, int limit);

    @Select("SELECT COUNT(*) FROM tb_case_event WHERE actor = #{actor} AND action NOT IN (" + NOT_DONE + ")")
    long countStepsBy(String actor);


    /**
     * Records that a department has a step in the case of this process, once: one statement per department
     * (finds the case and skips a department already recorded). Returns 0 when nothing was added.
     */
    @Insert("INSERT INTO tb_case_department (case_id, department, role, since) "
            + "SELECT c.id, #{department}, #{role}, #{since} FROM tb_case c WHERE c.process_instance_id = #{processInstanceId} "
            + "AND NOT EXISTS (SELECT 1 FROM tb_case_department d WHERE d.case_id = c.id AND d.department = #{department} "
            + "AND d.role = #{role})")
    int recordDepartment(String processInstanceId, String department, String role, Instant since);

    /** Whether any of these departments has (or had) a step in the case. */
    @Select("<script>SELECT COUNT(*) FROM tb_case_department WHERE case_id = #{caseId} AND department IN "
            + "<foreach item='d' collection='departments' open='(' separator=',' close=')'>#{d}</foreach></script>")
    int countDepartments(long caseId, java.util.Collection<String> departments);
}
