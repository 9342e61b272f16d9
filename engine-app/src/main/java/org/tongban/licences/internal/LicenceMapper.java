package org.tongban.licences.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LicenceMapper {

    class LicenceRow {
        public Long id;
        public String licenceNumber;
        public long caseId;
        public String itemCode;
        public String holderName;
        public String holderId;
        public String issuer;
        public Instant issuedAt;
        public LocalDate validUntil;
        public String status;
        public String sha256;
        public String identifier;
        public String verifyToken;
        public int version;
        /** The form data this version prints, as JSON, when amended (变更); null: the case's form data. */
        public String faceData;
        /** Why this version was amended (变更); null for a first issue or a renewal. */
        public String amendmentReason;
        /** The licence template version it was printed with; null: the file shipped before versions (V24). */
        public Integer templateVersion;
        /** Read only by {@link #withPdfByCase}. */
        public byte[] pdf;
    }

    String COLUMNS = "id, licence_number, case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, "
            + "sha256, identifier, verify_token, version, face_data, template_version";

    @Insert("INSERT INTO tb_licence (case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status) "
            + "VALUES (#{caseId}, #{itemCode}, #{holderName}, #{holderId}, #{issuer}, #{issuedAt}, #{validUntil}, #{status})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(LicenceRow row);

    /** A new version of a licence (a renewal or an amendment): the same case and number. */
    @Insert("INSERT INTO tb_licence (case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, version, "
            + "face_data, amendment_reason) VALUES (#{caseId}, #{itemCode}, #{holderName}, #{holderId}, #{issuer}, #{issuedAt}, "
            + "#{validUntil}, #{status}, #{version}, #{faceData}, #{amendmentReason})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertVersion(LicenceRow row);

    /** VALID or EXPIRED → SUPERSEDED by a newer version: 0 rows when it changed meanwhile. */
    @Update("UPDATE tb_licence SET status = 'SUPERSEDED' WHERE id = #{id} AND status IN ('VALID', 'EXPIRED')")
    int supersede(long id);

    /** VALID → SUPERSEDED by an amendment: 0 rows when it expired or was revoked meanwhile. */
    @Update("UPDATE tb_licence SET status = 'SUPERSEDED' WHERE id = #{id} AND status = 'VALID'")
    int supersedeValid(long id);

    @Update("UPDATE tb_licence SET licence_number = #{number}, identifier = #{identifier}, verify_token = #{token}, "
            + "sha256 = #{sha256}, pdf = #{pdf}, template_version = #{templateVersion} WHERE id = #{id}")
    void attachPdf(long id, String number, String identifier, String token, String sha256, byte[] pdf, Integer templateVersion);

    /** VALID → REVOKED once: 0 rows when it was not valid (revoked meanwhile). */
    @Update("UPDATE tb_licence SET status = 'REVOKED', revoked_at = #{at}, revoked_by = #{by}, revocation_reason = #{reason} "
            + "WHERE id = #{id} AND status = 'VALID'")
    int revoke(long id, java.time.Instant at, String by, String reason);

    /** Valid licences whose last valid day is before {@code today} (at most 1000 a run: the next run takes the rest). */
    @Select("SELECT " + COLUMNS + " FROM tb_licence WHERE status = 'VALID' AND valid_until < #{today} ORDER BY id LIMIT 1000")
    java.util.List<LicenceRow> validBefore(LocalDate today);

    /** VALID → EXPIRED once: 0 rows when another node (or a revocation) changed it first. */
    @Update("UPDATE tb_licence SET status = 'EXPIRED' WHERE id = #{id} AND status = 'VALID'")
    int expire(long id);

    /** The licence a verification URL names (its token), without the file. */
    @Select("SELECT " + COLUMNS + " FROM tb_licence WHERE verify_token = #{token}")
    LicenceRow byToken(String token);

    @Select("SELECT " + COLUMNS + " FROM tb_licence WHERE case_id = #{caseId} ORDER BY version DESC LIMIT 1")
    LicenceRow byCase(long caseId);

    @Select("SELECT " + COLUMNS + " FROM tb_licence WHERE licence_number = #{number} ORDER BY version DESC LIMIT 1")
    LicenceRow byNumber(String number);

    @Select("SELECT " + COLUMNS + ", pdf FROM tb_licence WHERE licence_number = #{number} ORDER BY version DESC LIMIT 1")
    LicenceRow withPdfByNumber(String number);

    /** The download: the row and its PDF in one read. */
    @Select("SELECT " + COLUMNS + ", pdf FROM tb_licence WHERE case_id = #{caseId} ORDER BY version DESC LIMIT 1")
    LicenceRow withPdfByCase(long caseId);
}
