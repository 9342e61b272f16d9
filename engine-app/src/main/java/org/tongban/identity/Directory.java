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

    /** The user as services see them, if they exist and are enabled (e.g. to hand a task back to them). */
    public Optional<Actor> enabledActor(String username) {
        return find(username).filter(TongbanUser::isEnabled).map(TongbanUser::actor);
    }

    /** Display name for history records; the username itself when unknown (e.g. a removed user). */
    public String displayName(String username) {
        var row = mapper.findUser(username);
        return row == null ? username : row.displayName();
    }

    public List<Department> departments() {
        return mapper.departments();
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(mapper.department(code));
    }
}
