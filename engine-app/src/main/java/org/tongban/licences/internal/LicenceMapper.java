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
        /** Read only by {@link #withPdfByCase}. */
        public byte[] pdf;
    }

    @Insert("INSERT INTO tb_licence (case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status) "
            + "VALUES (#{caseId}, #{itemCode}, #{holderName}, #{holderId}, #{issuer}, #{issuedAt}, #{validUntil}, #{status})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(LicenceRow row);

    @Update("UPDATE tb_licence SET licence_number = #{number}, sha256 = #{sha256}, pdf = #{pdf} WHERE id = #{id}")
    void attachPdf(long id, String number, String sha256, byte[] pdf);

    @Select("SELECT id, licence_number, case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, sha256 "
            + "FROM tb_licence WHERE case_id = #{caseId}")
    LicenceRow byCase(long caseId);

    @Select("SELECT id, licence_number, case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, sha256 "
            + "FROM tb_licence WHERE licence_number = #{number}")
    LicenceRow byNumber(String number);

    @Select("SELECT id, licence_number, case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, sha256, pdf "
            + "FROM tb_licence WHERE licence_number = #{number}")
    LicenceRow withPdfByNumber(String number);

    /** The download: the row and its PDF in one read. */
    @Select("SELECT id, licence_number, case_id, item_code, holder_name, holder_id, issuer, issued_at, valid_until, status, sha256, pdf "
            + "FROM tb_licence WHERE case_id = #{caseId}")
    LicenceRow withPdfByCase(long caseId);
}
