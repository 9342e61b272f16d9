package org.tongban.forms.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.tongban.forms.FormVersion;

@Mapper
interface FormVersionMapper {

    @Select("SELECT form_id, version, sha256, deployed_at, deployed_by FROM tb_form_version "
            + "WHERE form_id = #{formId} ORDER BY version DESC LIMIT 1")
    FormVersion latest(String formId);

    @Select("SELECT form_id, version, sha256, deployed_at, deployed_by FROM tb_form_version "
            + "WHERE form_id = #{formId} ORDER BY version DESC")
    List<FormVersion> versions(String formId);

    @Select("SELECT schema_json FROM tb_form_version WHERE form_id = #{formId} AND version = #{version}")
    String schema(String formId, int version);

    /** The checksum of the last version start-up took from the file (deployed by "system"). */
    @Select("SELECT sha256 FROM tb_form_version WHERE form_id = #{formId} AND deployed_by = 'system' ORDER BY version DESC LIMIT 1")
    String lastShipped(String formId);

    /** Fails on the primary key when another deploy took the same version number at the same moment. */
    @Insert("INSERT INTO tb_form_version (form_id, version, schema_json, sha256, deployed_at, deployed_by) "
            + "VALUES (#{formId}, #{version}, #{schema}, #{sha256}, #{deployedAt}, #{deployedBy})")
    void insert(String formId, int version, String schema, String sha256, Instant deployedAt, String deployedBy);
}
