package org.tongban.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.tongban.identity.TongbanUser;

/** A request authenticated by a valid bearer token; knows the token's hash so the token can be revoked. */
public final class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final TongbanUser user;
    private final String tokenHash;

    AccessTokenAuthentication(TongbanUser user, String tokenHash) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenHash = tokenHash;
        setAuthenticated(true);
    }

    @Override
    public TongbanUser getPrincipal() {
        return user;
    }

    /** Never the token itself. */
    @Override
    public Object getCredentials() {
        return null;
    }

    String tokenHash() {
        return tokenHash;
    }
}
