package org.tongban.audit.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.tongban.audit.AuditLog.AuditEvent;

@Mapper
public interface AuditMapper {

    @Insert("INSERT INTO tb_audit_event (occurred_at, actor, action, subject, detail) "
            + "VALUES (#{at}, #{actor}, #{action}, #{subject}, #{detail})")
    void insert(Instant at, String actor, String action, String subject, String detail);

    @Select("SELECT id, occurred_at, actor, action, subject, detail FROM tb_audit_event ORDER BY id DESC LIMIT #{limit}")
    List<AuditEvent> latest(int limit);
}
