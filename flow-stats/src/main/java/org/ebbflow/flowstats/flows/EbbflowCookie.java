package org.ebbflow.flowstats.flows;

import java.util.Locale;
import java.util.Objects;

/**
 * The cookie layout that marks flow rules as ebbflow's and says what each is for, so that rules can be told apart
 * from other applications' and a whole path removed with one cookie-masked delete (floodlight#692).
 *
 * <pre>
 *  63            48 47      40 39                                8 7          0
 * +----------------+----------+-----------------------------------+------------+
 * |  tag 0xEBBF    |  kind    |  id: path or demand id (32 bits)  | generation |
 * +----------------+----------+-----------------------------------+------------+
 * </pre>
 *
 * <ul>
 *   <li><b>tag</b> (16 bits, 0xEBBF): ownership. {@link #isEbbflow} tests only these bits; another
 *       application's cookie carries them by chance with probability 2^-16 for random cookies, never for the common
 *       0 and all-ones.</li>
 *   <li><b>kind</b> (8 bits): a {@link RuleKind} code; 0 is never issued. Eight bits leave room for new kinds, and an
 *       older ebbflow still recognises a newer one's rules as its own.</li>
 *   <li><b>id</b> (32 bits): the path or demand id, 0 for control rules (table-miss, LLDP, ARP, filters). 2^32 ids
 *       hold every ordered host pair of a k=48 fat-tree (27,648 hosts, 7.6·10^8 pairs) with room to spare.</li>
 *   <li><b>generation</b> (8 bits, wraps at 256): the version of a path. Make-before-break installs generation g+1
 *       beside g and then deletes g exactly ({@link #exactFilter()}); a path that must go entirely, every hop and
 *       every generation, is deleted with {@link #allGenerationsFilter()} (mask over tag, kind and id).</li>
 * </ul>
 * Immutable; equal when the 64-bit values are equal.
 */
public final class EbbflowCookie {
    /** The application tag in the top 16 bits. */
    public static final int TAG = 0xEBBF;
    /** Bits 63..48: the tag. */
    public static final long TAG_MASK = 0xFFFF_0000_0000_0000L;
    /** Bits 47..40: the rule kind. */
    public static final long KIND_MASK = 0x0000_FF00_0000_0000L;
    /** Bits 39..8: the path or demand id. */
    public static final long ID_MASK = 0x0000_00FF_FFFF_FF00L;
    /** Bits 7..0: the generation. */
    public static final long GENERATION_MASK = 0xFFL;
    /** The largest id. */
    public static final long MAX_ID = 0xFFFF_FFFFL;
    /** The largest generation; the next one is 0. */
    public static final int MAX_GENERATION = 0xFF;

    private static final long TAG_BITS = (long) TAG << 48;
    private static final int KIND_SHIFT = 40;
    private static final int ID_SHIFT = 8;

    private final RuleKind kind;
    private final long id;
    private final int generation;
    private final long value;

    private EbbflowCookie(RuleKind kind, long id, int generation) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("cookie id must be 0.." + MAX_ID + ", got " + id);
        }
        if (generation < 0 || generation > MAX_GENERATION) {
            throw new IllegalArgumentException("generation must be 0.." + MAX_GENERATION + ", got " + generation);
        }
        this.id = id;
        this.generation = generation;
        this.value = TAG_BITS | ((long) kind.code() << KIND_SHIFT) | (id << ID_SHIFT) | generation;
    }

    /**
     * @param id 0..{@value #MAX_ID}
     * @param generation 0..{@value #MAX_GENERATION}
     * @throws IllegalArgumentException if the id or generation is out of range
     */
    public static EbbflowCookie of(RuleKind kind, long id, int generation) {
        return new EbbflowCookie(kind, id, generation);
    }

    /** @return the cookie of generation {@code generation} of path {@code pathId} */
    public static EbbflowCookie path(long pathId, int generation) {
        return new EbbflowCookie(RuleKind.PATH, pathId, generation);
    }

    /** @return the cookie of a per-demand rule */
    public static EbbflowCookie demand(long demandId, int generation) {
        return new EbbflowCookie(RuleKind.DEMAND, demandId, generation);
    }

    /** @return the cookie of a control rule (table-miss, LLDP, ARP, filter): id 0, generation 0 */
    public static EbbflowCookie control(RuleKind kind) {
        return new EbbflowCookie(kind, 0, 0);
    }

    /** @return true if the cookie carries ebbflow's tag, whatever the rest (an unknown kind included) */
    public static boolean isEbbflow(long cookie) {
        return (cookie & TAG_MASK) == TAG_BITS;
    }

    /** @return the mask of the tag, bits 63..48 ({@code 0xFFFF000000000000}); they read 0xEBBF on ebbflow's flows */
    public static long mask() {
        return TAG_MASK;
    }

    /** @return the filter selecting every ebbflow rule (tag only) */
    public static CookieFilter allFilter() {
        return CookieFilter.of(TAG_BITS, TAG_MASK);
    }

    /** @return the filter selecting every ebbflow rule of one kind, such as all path rules */
    public static CookieFilter kindFilter(RuleKind kind) {
        return CookieFilter.of(TAG_BITS | ((long) kind.code() << KIND_SHIFT), TAG_MASK | KIND_MASK);
    }

    /**
     * Reads a cookie.
     *
     * @throws IllegalArgumentException if it has no ebbflow tag or an unknown kind code
     */
    public static EbbflowCookie parse(long cookie) {
        if (!isEbbflow(cookie)) {
            throw new IllegalArgumentException("not an ebbflow cookie (tag is not 0xebbf): " + hex(cookie));
        }
        int code = (int) ((cookie & KIND_MASK) >>> KIND_SHIFT);
        RuleKind kind = RuleKind.fromCode(code);
        if (kind == null) {
            throw new IllegalArgumentException("ebbflow cookie " + hex(cookie) + " has unknown rule kind 0x"
                    + Integer.toHexString(code));
        }
        return new EbbflowCookie(kind, (cookie & ID_MASK) >>> ID_SHIFT, (int) (cookie & GENERATION_MASK));
    }

    /**
     * Reads a cookie written as {@code 0x}-prefixed hex (as ovs-ofctl prints it) or unsigned decimal.
     *
     * @throws IllegalArgumentException if the text is not a 64-bit number or not an ebbflow cookie
     */
    public static EbbflowCookie parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long cookie;
        try {
            cookie = s.startsWith("0x")
                    ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 64-bit cookie: '" + text + "'", e);
        }
        return parse(cookie);
    }

    /** @return the cookie read, or null if it is not ebbflow's or its kind is unknown */
    public static EbbflowCookie tryParse(long cookie) {
        return isEbbflow(cookie) && RuleKind.fromCode((int) ((cookie & KIND_MASK) >>> KIND_SHIFT)) != null
                ? parse(cookie)
                : null;
    }

    /** @return the 64-bit cookie to install */
    public long value() {
        return value;
    }

    /** @return the rule kind */
    public RuleKind kind() {
        return kind;
    }

    /** @return the path or demand id, 0 for control rules */
    public long id() {
        return id;
    }

    /** @return the generation, 0..{@value #MAX_GENERATION} */
    public int generation() {
        return generation;
    }

    /** @return the same rule's cookie with the next generation, wrapping from {@value #MAX_GENERATION} to 0 */
    public EbbflowCookie nextGeneration() {
        return new EbbflowCookie(kind, id, (generation + 1) & MAX_GENERATION);
    }

    /** @return the filter selecting exactly this cookie: one generation of one path */
    public CookieFilter exactFilter() {
        return CookieFilter.exact(value);
    }

    /** @return the filter selecting this kind and id in every generation: a whole path, for delete-by-cookie */
    public CookieFilter allGenerationsFilter() {
        return CookieFilter.of(value, TAG_MASK | KIND_MASK | ID_MASK);
    }

    private static String hex(long cookie) {
        return "0x" + Long.toHexString(cookie);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EbbflowCookie && ((EbbflowCookie) o).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /** @return {@code ebbflow:<kind>:<id>:g<generation>(0x<hex>)}; {@code ebbflow:path:42:g3(0xebbf100000002a03)} */
    @Override
    public String toString() {
        return "ebbflow:" + kind.name().toLowerCase(Locale.ROOT) + ":" + id + ":g" + generation + "(" + hex(value)
                + ")";
    }
}
