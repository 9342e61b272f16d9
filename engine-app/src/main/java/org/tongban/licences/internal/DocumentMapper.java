package org.tongban.licences.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface DocumentMapper {

    class DocumentRow {
        public Long id;
        public long caseId;
        public String kind;
        public Instant actedAt;
        /** Which step of its kind in the case's history: 1 for the first acceptance, 2 after a recall and another… */
        public int stepOrdinal;
        public String documentNumber;
        public String department;
        public Instant issuedAt;
        public String sha256;
        public Instant voidedAt;
        /** Read only by {@link #withPdf}. */
        public byte[] pdf;
    }

    String COLUMNS = "id, case_id, kind, acted_at, document_number, department, issued_at, sha256, voided_at";

    @Insert("INSERT INTO tb_case_document (case_id, kind, step_ordinal, acted_at, department, issued_at) "
            + "VALUES (#{caseId}, #{kind}, #{stepOrdinal}, #{actedAt}, #{department}, #{issuedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(DocumentRow row);

    @Update("UPDATE tb_case_document SET document_number = #{number}, sha256 = #{sha256}, pdf = #{pdf} WHERE id = #{id}")
    void attachPdf(long id, String number, String sha256, byte[] pdf);

    @Select("SELECT id FROM tb_case_document WHERE case_id = #{caseId} AND kind = #{kind} AND step_ordinal = #{ordinal}")
    Long byStep(long caseId, String kind, int ordinal);

    /** The newest notice of this kind issued for a step up to {@code until} that still stands (the one a recall voids). */
    @Select("SELECT id FROM tb_case_document WHERE case_id = #{caseId} AND kind = #{kind} AND step_ordinal = #{ordinal} AND voided_at IS NULL")
    Long standing(long caseId, String kind, int ordinal);

    /** Voids a notice whose step was recalled (撤回): it stays listed, marked void. */
    @Update("UPDATE tb_case_document SET voided_at = #{at} WHERE id = #{id} AND voided_at IS NULL")
    int voidDocument(long id, Instant at);

    /** A case's documents, oldest first, without their files (only finished ones). */
    @Select("SELECT " + COLUMNS + " FROM tb_case_document WHERE case_id = #{caseId} AND pdf IS NOT NULL ORDER BY acted_at, id")
    List<DocumentRow> byCase(long caseId);

    /** One document of this case with its file; null if the id belongs to another case. */
    @Select("SELECT " + COLUMNS + ", pdf FROM tb_case_document WHERE id = #{id} AND case_id = #{caseId} AND pdf IS NOT NULL")
    DocumentRow withPdf(long caseId, long id);
}
