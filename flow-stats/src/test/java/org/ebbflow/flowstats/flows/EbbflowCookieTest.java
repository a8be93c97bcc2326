package org.ebbflow.flowstats.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EbbflowCookieTest {

    @Test
    void layoutPutsTagKindIdAndGenerationWhereDocumented() {
        EbbflowCookie c = EbbflowCookie.path(42, 3);
        assertEquals(0xEBBF_1000_0000_2A03L, c.value());
        assertEquals("ebbflow:path:42:g3(0xebbf100000002a03)", c.toString());
        assertEquals(0xEBBF_0100_0000_0000L, EbbflowCookie.control(RuleKind.TABLE_MISS).value());
        assertEquals(0xEBBF_11FF_FFFF_FFFFL, EbbflowCookie.demand(EbbflowCookie.MAX_ID, 255).value());
        assertEquals(0xFFFF_0000_0000_0000L, EbbflowCookie.mask());
        assertEquals(-1L, EbbflowCookie.TAG_MASK | EbbflowCookie.KIND_MASK | EbbflowCookie.ID_MASK
                | EbbflowCookie.GENERATION_MASK, "the fields cover all 64 bits");
        assertEquals(0L, EbbflowCookie.TAG_MASK & EbbflowCookie.KIND_MASK | EbbflowCookie.KIND_MASK
                & EbbflowCookie.ID_MASK | EbbflowCookie.ID_MASK & EbbflowCookie.GENERATION_MASK, "and do not overlap");
    }

    @Property(tries = 500)
    void everyCookieParsesBackToItsFields(@ForAll("kinds") RuleKind kind,
                                          @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long id,
                                          @ForAll @IntRange(min = 0, max = 255) int generation) {
        EbbflowCookie c = EbbflowCookie.of(kind, id, generation);
        assertTrue(EbbflowCookie.isEbbflow(c.value()));
        EbbflowCookie back = EbbflowCookie.parse(c.value());
        assertEquals(c, back);
        assertEquals(kind, back.kind());
        assertEquals(id, back.id());
        assertEquals(generation, back.generation());
        assertEquals(c, EbbflowCookie.parse("0x" + Long.toHexString(c.value())));
        assertEquals(c, EbbflowCookie.parse(Long.toUnsignedString(c.value())));
        assertTrue(c.allGenerationsFilter().matches(c.nextGeneration().value()));
        assertTrue(EbbflowCookie.kindFilter(kind).matches(c.value()));
    }

    @Provide
    Arbitrary<RuleKind> kinds() {
        return Arbitraries.of(RuleKind.class);
    }

    @Test
    void foreignCookiesAreNotEbbflows() {
        assertFalse(EbbflowCookie.isEbbflow(0));
        assertFalse(EbbflowCookie.isEbbflow(-1L));
        assertFalse(EbbflowCookie.isEbbflow(0x0000_EBBF_0000_0000L), "tag bits in the wrong place");
        assertFalse(EbbflowCookie.isEbbflow(0xEBBE_1000_0000_2A03L));
        assertNull(EbbflowCookie.tryParse(0));
        assertNull(EbbflowCookie.tryParse(-1L));
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.parse(0L));
        assertFalse(OwnerFilter.EBBFLOW.accepts(-1L));
        assertTrue(OwnerFilter.FOREIGN.accepts(-1L));
    }

    @Property(tries = 2000)
    void randomCookiesAreEbbflowsExactlyWhenTheirTopBitsAreTheTag(@ForAll long cookie) {
        assertEquals((cookie >>> 48) == 0xEBBF, EbbflowCookie.isEbbflow(cookie));
        assertEquals(!EbbflowCookie.isEbbflow(cookie), OwnerFilter.FOREIGN.accepts(cookie));
        assertTrue(OwnerFilter.ALL.accepts(cookie));
    }

    @Test
    void randomForeignCookiesAlmostNeverCarryTheTag() {
        SplittableRandom rnd = new SplittableRandom(7);
        int tagged = 0;
        for (int i = 0; i < 100_000; i++) {
            tagged += EbbflowCookie.isEbbflow(rnd.nextLong()) ? 1 : 0;
        }
        assertTrue(tagged <= 10, "expected about 1.5 of 100,000 random cookies to collide, got " + tagged);
    }

    @Test
    void anUnknownKindIsStillOursButDoesNotParse() {
        long fromTheFuture = 0xEBBF_7F00_0000_0100L;
        assertTrue(EbbflowCookie.isEbbflow(fromTheFuture));
        assertNull(EbbflowCookie.tryParse(fromTheFuture));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EbbflowCookie.parse(fromTheFuture));
        assertTrue(e.getMessage().contains("unknown rule kind 0x7f"), e.getMessage());
        assertNull(EbbflowCookie.tryParse(0xEBBF_0000_0000_0000L), "kind 0 is never issued");
    }

    @Test
    void aWholePathIsSelectedByCookieAndMaskAndNothingElse() {
        EbbflowCookie g7 = EbbflowCookie.path(1234, 7);
        CookieFilter wholePath = g7.allGenerationsFilter();
        for (int g = 0; g <= EbbflowCookie.MAX_GENERATION; g++) {
            assertTrue(wholePath.matches(EbbflowCookie.path(1234, g).value()), "generation " + g);
        }
        assertFalse(wholePath.matches(EbbflowCookie.path(1235, 7).value()), "another path");
        assertFalse(wholePath.matches(EbbflowCookie.demand(1234, 7).value()), "another kind, same id");
        assertFalse(wholePath.matches(g7.value() & ~EbbflowCookie.TAG_MASK), "same bits without the tag");
        assertEquals(0xEBBF_1000_0004_D200L, wholePath.cookie());
        assertEquals(0xFFFF_FFFF_FFFF_FF00L, wholePath.mask());
        assertEquals("0xebbf10000004d200/0xffffffffffffff00", wholePath.toString());

        CookieFilter oneGeneration = g7.exactFilter();
        assertTrue(oneGeneration.matches(g7.value()));
        assertFalse(oneGeneration.matches(g7.nextGeneration().value()));

        assertTrue(EbbflowCookie.allFilter().matches(EbbflowCookie.control(RuleKind.LLDP).value()));
        assertFalse(EbbflowCookie.allFilter().matches(0));
        assertFalse(EbbflowCookie.kindFilter(RuleKind.PATH).matches(EbbflowCookie.control(RuleKind.LLDP).value()));
    }

    @Test
    void generationsWrapAndFieldsAreRangeChecked() {
        assertEquals(0, EbbflowCookie.path(9, 255).nextGeneration().generation());
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.path(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.path(EbbflowCookie.MAX_ID + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.path(1, 256));
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.parse("0xebbf1g"));
        assertThrows(IllegalArgumentException.class, () -> EbbflowCookie.parse("0x1ebbf100000002a03"));
    }
}
