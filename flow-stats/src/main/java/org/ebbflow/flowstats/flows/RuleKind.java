package org.ebbflow.flowstats.flows;

/** What an ebbflow-installed flow rule is for; its 8-bit code sits in the cookie (see {@link EbbflowCookie}). */
public enum RuleKind {
    /** Priority-0 rule sending unmatched packets to the controller. */
    TABLE_MISS(0x01),
    /** Sends LLDP ({@code eth_type=0x88cc}) to the controller for link discovery. */
    LLDP(0x02),
    /** Handles ARP (to the controller or flooded within the fabric). */
    ARP(0x03),
    /** Drops unwanted traffic, such as IPv6 neighbour-discovery noise in Mininet runs. */
    FILTER(0x04),
    /** A hop of a planned path; the id is the path's id. */
    PATH(0x10),
    /** A per-demand rule, such as one bound to a bandwidth meter; the id is the demand's id. */
    DEMAND(0x11);

    private final int code;

    RuleKind(int code) {
        this.code = code;
    }

    /** @return the 8-bit code stored in the cookie; 0 is never used, so a bare tag is no valid rule */
    public int code() {
        return code;
    }

    /** @return the kind with this code, or null if the code is unknown (for instance from a newer ebbflow) */
    public static RuleKind fromCode(int code) {
        for (RuleKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
