package org.tongban.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address that throttles and rate limits count by: the connection's address (or the one a
 * trusted proxy forwarded, see {@code server.forward-headers-strategy}); for IPv6 its /64 network,
 * since one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    public static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            var network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
