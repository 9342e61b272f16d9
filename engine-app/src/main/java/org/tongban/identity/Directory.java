package org.tongban.identity;

import java.util.List;
import java.util.Optional;
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

    public Optional<TongbanUser> find(String username) {
        var row = mapper.findUser(username);
        if (row == null) {
            return Optional.empty();
        }
        var roles = mapper.rolesOf(username).stream().map(Role::valueOf)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return Optional.of(new TongbanUser(row.username(), row.passwordHash(), row.displayName(), roles,
                List.copyOf(mapper.departmentsOf(username)), row.enabled()));
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
