package org.ebbflow.topology.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.topology.TopologySummary;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologySpecTest {

    static TopologySpecException fails(String spec) {
        TopologySpecException e = assertThrows(TopologySpecException.class, () -> TopologySpec.parse(spec));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 12})
    void fatTreeCountsMatchTheFormulas(int k) {
        TopologySpec spec = TopologySpec.parse("fat-tree:k=" + k);
        TopologySummary s = TopologySummary.of(spec.build());
        assertEquals(TopologySpec.Kind.FAT_TREE, spec.kind());
        assertEquals(FatTree.switchCount(k), s.switches());
        assertEquals(FatTree.hostCount(k), s.hosts());
        assertEquals(FatTree.switchLinkCount(k), s.switchLinks());
        assertEquals(FatTree.hostCount(k), s.hostLinks());
        assertEquals(4, s.diameterHops());
    }

    @Test
    void fatTreeK4HasTheTextbookNumbers() {
        TopologySummary s = TopologySummary.of(TopologySpec.parse("fat-tree:k=4,rate=10G,hostRate=1G").build());
        assertEquals(20, s.switches());
        assertEquals(16, s.hosts());
        assertEquals(32, s.switchLinks());
        assertEquals(16, s.hostLinks());
        assertEquals(4, s.diameterHops());
        assertEquals(32 * 10_000_000_000L, s.switchCapacityBps());
        assertEquals(16 * 1_000_000_000L, s.hostCapacityBps());
    }

    @Test
    void fatTreeDefaultsToOneGigabitEverywhere() {
        TopologySummary s = TopologySummary.of(TopologySpec.parse("fat-tree:k=4").build());
        assertEquals(32 * FatTree.DEFAULT_LINK_BPS, s.switchCapacityBps());
        assertEquals(16 * FatTree.DEFAULT_LINK_BPS, s.hostCapacityBps());
    }

    @Test
    void leafSpineCounts() {
        TopologySpec spec = TopologySpec.parse("leaf-spine:spines=4,leaves=8,hosts=16");
        TopologySummary s = TopologySummary.of(spec.build());
        assertEquals(TopologySpec.Kind.LEAF_SPINE, spec.kind());
        assertEquals(12, s.switches());
        assertEquals(128, s.hosts());
        assertEquals(32, s.switchLinks());
        assertEquals(128, s.hostLinks());
        assertEquals(2, s.diameterHops());
        assertEquals(32 * 40_000_000_000L, s.switchCapacityBps());
        assertEquals(128 * 10_000_000_000L, s.hostCapacityBps());
    }

    @Test
    void leafSpineRatesAndZeroHosts() {
        TopologySummary s = TopologySummary.of(
                TopologySpec.parse("leaf-spine:spines=2,leaves=3,hosts=0,rate=100G,hostRate=25G").build());
        assertEquals(5, s.switches());
        assertEquals(0, s.hosts());
        assertEquals(6, s.switchLinks());
        assertEquals(6 * 100_000_000_000L, s.switchCapacityBps());
    }

    @Test
    void canonicalTextListsEveryParameterInOrderWithExactRates() {
        assertEquals("fat-tree:k=4,rate=1G,hostRate=1G", TopologySpec.parse("fat-tree:k=4").toString());
        assertEquals("fat-tree:k=8,rate=1500M,hostRate=100K",
                TopologySpec.parse(" FAT-TREE : hostrate = 1e5 , RATE=1.5G, K=8 ").toString());
        assertEquals("leaf-spine:spines=4,leaves=8,hosts=16,rate=40G,hostRate=10G",
                TopologySpec.parse("leaf-spine:hosts=16,leaves=8,spines=4").toString());
        assertEquals("fat-tree:k=2,rate=1234567,hostRate=1T",
                TopologySpec.parse("fat-tree:k=2,rate=1234567,hostRate=1000G").toString());
    }

    @Test
    void canonicalTextParsesBackToAnEqualSpec() {
        for (String text : new String[] {"fat-tree:hostRate=3G,k=6", "leaf-spine:spines=1,leaves=1,hosts=1"}) {
            TopologySpec spec = TopologySpec.parse(text);
            TopologySpec again = TopologySpec.parse(spec.toString());
            assertEquals(spec, again);
            assertEquals(spec.hashCode(), again.hashCode());
        }
        assertNotEquals(TopologySpec.parse("fat-tree:k=4"), TopologySpec.parse("fat-tree:k=6"));
    }

    @Test
    void unknownKindListsTheValidKinds() {
        assertEquals("unknown topology kind 'torus' (valid kinds: fat-tree, leaf-spine, graphml, sndlib)",
                fails("torus:n=4").getMessage());
        assertTrue(fails("k=4").getMessage().startsWith("unknown topology kind 'k=4'"));
    }

    @Test
    void emptyOrBodylessSpecsSayWhatIsExpected() {
        assertTrue(fails("").getMessage().startsWith("empty topology spec"));
        assertTrue(fails("   ").getMessage().startsWith("empty topology spec"));
        assertTrue(fails(null).getMessage().startsWith("empty topology spec"));
        assertEquals("fat-tree spec needs parameters after ':', e.g. fat-tree:k=4", fails("fat-tree").getMessage());
        assertEquals("fat-tree spec needs parameters after ':', e.g. fat-tree:k=4", fails("fat-tree: ").getMessage());
    }

    @Test
    void fatTreeKMustBeEvenAndInRange() {
        assertEquals("fat-tree k must be an even number from 2 to 64, got 7", fails("fat-tree:k=7").getMessage());
        assertEquals("fat-tree k must be an even number from 2 to 64, got 66", fails("fat-tree:k=66").getMessage());
        assertEquals("fat-tree k must be an even number from 2 to 64, got 0", fails("fat-tree:k=0").getMessage());
        assertEquals("fat-tree k must be an even number from 2 to 64, got -4", fails("fat-tree:k=-4").getMessage());
    }

    @Test
    void missingAndUnknownParametersListTheValidOnes() {
        assertEquals("fat-tree spec is missing parameter 'k' (required: k)", fails("fat-tree:rate=10G").getMessage());
        assertEquals("unknown fat-tree parameter 'n' (valid: k, rate, hostRate)", fails("fat-tree:n=4").getMessage());
        assertEquals("leaf-spine spec is missing parameter 'hosts' (required: spines, leaves, hosts)",
                fails("leaf-spine:spines=2,leaves=2").getMessage());
        assertEquals("unknown leaf-spine parameter 'hostsPerLeaf' (valid: spines, leaves, hosts, rate, hostRate)",
                fails("leaf-spine:spines=2,leaves=2,hostsPerLeaf=3").getMessage());
    }

    @Test
    void nonNumericValuesAreNamed() {
        assertEquals("fat-tree k must be an integer, got 'four'", fails("fat-tree:k=four").getMessage());
        assertEquals("fat-tree k must be an integer, got '4.5'", fails("fat-tree:k=4.5").getMessage());
        assertEquals("fat-tree rate must be a positive rate such as 10G, 100M or 1e9, got 'fast'",
                fails("fat-tree:k=4,rate=fast").getMessage());
        assertEquals("leaf-spine hostRate must be a positive rate such as 10G, 100M or 1e9, got '0'",
                fails("leaf-spine:spines=1,leaves=1,hosts=1,hostRate=0").getMessage());
        assertEquals("leaf-spine leaves must be an integer, got 'x'",
                fails("leaf-spine:spines=1,leaves=x,hosts=1").getMessage());
    }

    @Test
    void leafSpineCountsAreRangeChecked() {
        assertEquals("leaf-spine spines must be from 1 to 254, got 0",
                fails("leaf-spine:spines=0,leaves=2,hosts=2").getMessage());
        assertEquals("leaf-spine leaves must be from 1 to 254, got 255",
                fails("leaf-spine:spines=1,leaves=255,hosts=2").getMessage());
        assertEquals("leaf-spine hosts must be from 0 to 254, got -1",
                fails("leaf-spine:spines=1,leaves=2,hosts=-1").getMessage());
    }

    @Test
    void malformedParameterLists() {
        assertEquals("fat-tree parameter 'k' is given twice", fails("fat-tree:k=4,k=6").getMessage());
        assertEquals("fat-tree parameter 'k' is given twice", fails("fat-tree:k=4,K=4").getMessage());
        assertEquals("fat-tree parameter 'k' needs a value, e.g. k=...", fails("fat-tree:k").getMessage());
        assertEquals("fat-tree parameter 'k' needs a value, e.g. k=...", fails("fat-tree:k=").getMessage());
        assertEquals("fat-tree spec has an empty parameter", fails("fat-tree:k=4,").getMessage());
        assertEquals("malformed fat-tree parameter '=4' (expected name=value)", fails("fat-tree:=4").getMessage());
    }

    @Test
    void onlySndlibSpecsHaveDemands() {
        TopologySpec spec = TopologySpec.parse("fat-tree:k=2");
        IllegalStateException e = assertThrows(IllegalStateException.class, spec::loadSndlib);
        assertEquals("fat-tree spec has no SNDlib demands: fat-tree:k=2,rate=1G,hostRate=1G", e.getMessage());
    }

    @Test
    void kindsKnowTheirTokens() {
        assertEquals(TopologySpec.Kind.GRAPHML, TopologySpec.Kind.fromToken(" GraphML "));
        for (TopologySpec.Kind kind : TopologySpec.Kind.values()) {
            assertEquals(kind, TopologySpec.Kind.fromToken(kind.token()));
            assertTrue(kind.example().startsWith(kind.token() + ":"));
        }
    }
}
