package org.tongban.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated user: roles, and for approvers the departments whose tasks they work. */
public record TongbanUser(String username, String passwordHash, String displayName, Set<Role> roles,
                          List<String> departments, boolean enabled) implements UserDetails {

    /** The actor services see: everything but the password hash. */
    public Actor actor() {
        return new Actor(username, displayName, roles, departments);
    }

    /** The same user without the password hash: what an authenticated session keeps (it is stored in the database). */
    public TongbanUser withoutPassword() {
        return new TongbanUser(username, null, displayName, roles, departments, enabled);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff who may oversee every case (supervision, administration). */
    public boolean overseesAllCases() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }

    public boolean inDepartment(String department) {
        return departments.contains(department);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "TongbanUser[" + username + "]";
    }
}
