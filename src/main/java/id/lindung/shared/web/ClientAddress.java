package id.lindung.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client's address as the servlet container sees it (the proxy's, behind one that does not forward it). */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
