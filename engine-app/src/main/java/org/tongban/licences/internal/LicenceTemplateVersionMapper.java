package org.tongban.licences.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface LicenceTemplateVersionMapper {

    String COLUMNS = "template_code, version, sha256, deployed_at, deployed_by";

    @Select("SELECT " + COLUMNS + " FROM tb_licence_template_version WHERE template_code = #{code} ORDER BY version DESC LIMIT 1")
    LicenceTemplateVersion latest(String code);

    @Select("SELECT " + COLUMNS + " FROM tb_licence_template_version WHERE template_code = #{code} ORDER BY version DESC")
    List<LicenceTemplateVersion> versions(String code);

    @Select("SELECT body_yaml FROM tb_licence_template_version WHERE template_code = #{code} AND version = #{version}")
    String body(String code, int version);

    /** The checksum of the last version start-up took from the file (deployed by {@code shippedBy}). */
    @Select("SELECT sha256 FROM tb_licence_template_version WHERE template_code = #{code} AND deployed_by = #{shippedBy} "
            + "ORDER BY version DESC LIMIT 1")
    String lastShipped(String code, String shippedBy);

    /** Fails on the primary key when another deploy took the same version number at the same moment. */
    @Insert("INSERT INTO tb_licence_template_version (template_code, version, body_yaml, sha256, deployed_at, deployed_by) "
            + "VALUES (#{code}, #{version}, #{body}, #{sha256}, #{deployedAt}, #{deployedBy})")
    void insert(String code, int version, String body, String sha256, Instant deployedAt, String deployedBy);
}
