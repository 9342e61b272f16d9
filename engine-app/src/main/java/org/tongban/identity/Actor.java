package org.tongban.identity;

import java.util.List;
import java.util.Set;

/**
 * Who acts, as services see them: name, roles and departments — never credentials. The web edge derives it
 * from the authenticated {@link TongbanUser}; services and their records take this type only.
 */
public record Actor(String username, String displayName, Set<Role> roles, List<String> departments) {

    public Actor {
        roles = Set.copyOf(roles);
        departments = List.copyOf(departments);
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
}
