package org.tongban.identity.internal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.tongban.identity.Department;

@Mapper
public interface IdentityMapper {

    record UserRow(String username, String passwordHash, String displayName, String idType, String idNumber,
                   boolean enabled) {
    }

    /** One row per (role, department) pair of the user: loads a user with one statement. */
    record UserGrantRow(String username, String passwordHash, String displayName, boolean enabled, String role,
                        String departmentCode) {
    }

    @Select("SELECT username, password_hash, display_name, id_type, id_number, enabled FROM tb_user WHERE username = #{username}")
    UserRow findUser(String username);

    /** Names and identity types of these accounts (for public lists: masked by the caller). */
    @Select("<script>SELECT username, password_hash, display_name, id_type, id_number, enabled FROM tb_user WHERE username IN "
            + "<foreach item='u' collection='usernames' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<UserRow> findUsers(java.util.Collection<String> usernames);

    @Select("SELECT u.username, u.password_hash, u.display_name, u.enabled, r.role, d.department_code FROM tb_user u "
            + "LEFT JOIN tb_user_role r ON r.username = u.username "
            + "LEFT JOIN tb_user_department d ON d.username = u.username WHERE u.username = #{username}")
    List<UserGrantRow> findUserWithGrants(String username);

    @Select("SELECT u.username FROM tb_user u JOIN tb_user_department d ON d.username = u.username "
            + "JOIN tb_user_role r ON r.username = u.username AND r.role = 'APPROVER' "
            + "WHERE d.department_code = #{department} AND u.enabled = TRUE ORDER BY u.username")
    List<String> activeApprovers(String department);

    @Select("SELECT u.username FROM tb_user u JOIN tb_user_role r ON r.username = u.username AND r.role = #{role} "
            + "WHERE u.enabled = TRUE ORDER BY u.username")
    List<String> activeWithRole(String role);

    @Select("SELECT code, name_zh, name_en FROM tb_department ORDER BY code")
    List<Department> departments();

    @Select("SELECT code, name_zh, name_en FROM tb_department WHERE code = #{code}")
    Department department(String code);

    @Insert("INSERT INTO tb_department (code, name_zh, name_en) VALUES (#{code}, #{nameZh}, #{nameEn})")
    void insertDepartment(Department department);

    @Insert("INSERT INTO tb_user (username, password_hash, display_name, id_type, id_number, enabled) "
            + "VALUES (#{username}, #{passwordHash}, #{displayName}, #{idType}, #{idNumber}, #{enabled})")
    void insertUser(UserRow user);

    @Insert("INSERT INTO tb_user_role (username, role) VALUES (#{username}, #{role})")
    void insertRole(String username, String role);

    @Insert("INSERT INTO tb_user_department (username, department_code) VALUES (#{username}, #{department})")
    void insertMembership(String username, String department);
}
