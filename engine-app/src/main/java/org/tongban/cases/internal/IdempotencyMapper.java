package org.tongban.cases.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** tb_idempotent_request: the first successful response per (user, Idempotency-Key), kept for 24 hours. */
@Mapper
public interface IdempotencyMapper {

    record Stored(String endpoint, String requestHash, Integer statusCode, String responseBody) {
    }

    @Delete("DELETE FROM tb_idempotent_request WHERE created_at < #{before}")
    int purgeBefore(Instant before);

    @Delete("DELETE FROM tb_idempotent_request WHERE username = #{username} AND key_hash = #{keyHash} AND created_at < #{before}")
    int purgeKeyBefore(String username, String keyHash, Instant before);

    @Select("SELECT endpoint, request_hash, status_code, response_body FROM tb_idempotent_request "
            + "WHERE username = #{username} AND key_hash = #{keyHash}")
    Stored find(String username, String keyHash);

    /** Takes the key; a concurrent request with the same key waits here, then fails on the primary key. */
    @Insert("INSERT INTO tb_idempotent_request (username, key_hash, endpoint, request_hash, created_at) "
            + "VALUES (#{username}, #{keyHash}, #{endpoint}, #{requestHash}, #{createdAt})")
    void claim(String username, String keyHash, String endpoint, String requestHash, Instant createdAt);

    @Update("UPDATE tb_idempotent_request SET status_code = #{statusCode}, response_body = #{responseBody} "
            + "WHERE username = #{username} AND key_hash = #{keyHash}")
    void complete(String username, String keyHash, int statusCode, String responseBody);
}
