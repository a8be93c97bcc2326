package org.ebbflow.flowstats.flows;

/**
 * A cookie with a mask, as OpenFlow's flow-delete, flow-modify and flow-stats requests carry them: a flow is
 * selected if {@code (flowCookie & mask) == (cookie & mask)}. The way to remove every rule of a path at once
 * (floodlight#692: delete by cookie instead of by match, so no stale hop survives a link failure). Immutable.
 */
public final class CookieFilter {
    private final long cookie;
    private final long mask;

    private CookieFilter(long cookie, long mask) {
        this.cookie = cookie & mask;
        this.mask = mask;
    }

    /**
     * @param cookie the cookie value; bits outside the mask are cleared
     * @param mask which cookie bits must be equal; 0 selects every flow, -1 (all ones) exactly one cookie
     */
    public static CookieFilter of(long cookie, long mask) {
        return new CookieFilter(cookie, mask);
    }

    /** @return the filter selecting exactly this cookie */
    public static CookieFilter exact(long cookie) {
        return new CookieFilter(cookie, -1L);
    }

    /** @return the cookie value to send, bits outside the mask cleared */
    public long cookie() {
        return cookie;
    }

    /** @return the cookie mask to send */
    public long mask() {
        return mask;
    }

    /** @return true if a flow with this cookie is selected */
    public boolean matches(long flowCookie) {
        return (flowCookie & mask) == cookie;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CookieFilter && ((CookieFilter) o).cookie == cookie && ((CookieFilter) o).mask == mask;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cookie) * 31 + Long.hashCode(mask);
    }

    /** @return {@code 0x<cookie>/0x<mask>}, the form ovs-ofctl accepts */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(cookie) + "/0x" + Long.toHexString(mask);
    }
}
