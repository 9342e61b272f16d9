package org.tongban.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.tongban.identity.internal.IdentityMapper;

/** Users and departments: the only way other capabilities learn who someone is. */
@Service
public class Directory implements UserDetailsService {

    private final IdentityMapper mapper;

    Directory(IdentityMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public TongbanUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** One statement (user, roles and departments joined): it runs on every password login. */
    public Optional<TongbanUser> find(String username) {
        List<IdentityMapper.UserGrantRow> rows = mapper.findUserWithGrants(username);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        var departments = new TreeSet<String>();
        for (var row : rows) {
            if (row.role() != null) {
                roles.add(Role.valueOf(row.role()));
            }
            if (row.departmentCode() != null) {
                departments.add(row.departmentCode());
            }
        }
        var user = rows.get(0);
        return Optional.of(new TongbanUser(user.username(), user.passwordHash(), user.displayName(),
                Collections.unmodifiableSet(roles), List.copyOf(departments), user.enabled()));
    }

    /** An enabled user as services see them (never credentials); empty if unknown or disabled. */
    public Optional<Actor> activeUser(String username) {
        return find(username).filter(TongbanUser::isEnabled).map(TongbanUser::actor);
    }

    /**
     * The verified (实名) identity of an account as form prefills name it ({@code profile.name}, {@code profile.idNumber}
     * of a person; {@code profile.companyName}, {@code profile.creditCode} of a legal-person account); empty for an
     * account without a verified identity. Read from our own user record, never from a request.
     */
    public java.util.Map<String, String> verifiedProfile(String username) {
        var row = mapper.findUser(username);
        if (row == null || row.idType() == null || row.idNumber() == null) {
            return java.util.Map.of();
        }
        return switch (row.idType()) {
            case "RESIDENT_ID" -> java.util.Map.of("profile.name", row.displayName(), "profile.idNumber", row.idNumber());
            case "CREDIT_CODE" -> java.util.Map.of("profile.companyName", row.displayName(), "profile.creditCode", row.idNumber());
            default -> java.util.Map.of();
        };
    }

    /**
     * Names fit for publication (办件公示), by username: a legal person's name in full (public by law), a person's
     * masked to the surname (张**); accounts without a verified identity as "申请人".
     */
    public java.util.Map<String, String> disclosedNames(java.util.Collection<String> usernames) {
        var names = new java.util.HashMap<String, String>();
        if (usernames.isEmpty()) {
            return names;
        }
        for (var row : mapper.findUsers(usernames)) {
            String name = row.displayName();
            names.put(row.username(), "CREDIT_CODE".equals(row.idType()) ? name
                    : "RESIDENT_ID".equals(row.idType()) && name != null && !name.isEmpty()
                            ? name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1))
                            : "申请人");
        }
        return names;
    }

    /** Display name for history records; the username itself when unknown (e.g. a removed user). */
    public String displayName(String username) {
        var row = mapper.findUser(username);
        return row == null ? username : row.displayName();
    }

    /** The enabled approvers of a department (the people who may claim its tasks), by username. */
    public List<String> activeApprovers(String department) {
        return mapper.activeApprovers(department);
    }

    /** The enabled users holding {@code role}, by username (e.g. the supervisors a red card escalates to). */
    public List<String> activeWithRole(Role role) {
        return mapper.activeWithRole(role.name());
    }

    public List<Department> departments() {
        return mapper.departments();
    }

    /** Chinese name of every department by code (one statement), for views that name several departments. */
    public java.util.Map<String, String> departmentNames() {
        var names = new java.util.HashMap<String, String>();
        departments().forEach(d -> names.put(d.code(), d.nameZh()));
        return names;
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(mapper.department(code));
    }
}
