package org.tongban.auth.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AccessTokenMapper {

    record TokenRow(String username, Instant expiresAt, Instant revokedAt) {
    }

    @Insert("INSERT INTO tb_access_token (token_hash, username, issued_at, expires_at) "
            + "VALUES (#{tokenHash}, #{username}, #{issuedAt}, #{expiresAt})")
    void insert(String tokenHash, String username, Instant issuedAt, Instant expiresAt);

    @Select("SELECT username, expires_at, revoked_at FROM tb_access_token WHERE token_hash = #{tokenHash}")
    TokenRow find(String tokenHash);

    @Update("UPDATE tb_access_token SET revoked_at = #{at} WHERE token_hash = #{tokenHash} AND revoked_at IS NULL")
    int revoke(String tokenHash, Instant at);

    /** Housekeeping on each issue: a user's expired tokens are of no use to anyone. */
    @Delete("DELETE FROM tb_access_token WHERE username = #{username} AND expires_at < #{now}")
    int deleteExpired(String username, Instant now);
}
