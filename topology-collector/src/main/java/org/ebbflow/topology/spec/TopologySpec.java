package org.ebbflow.topology.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.io.SndlibNetwork;

/**
 * A parsed, validated description of a topology to build or load; the one parser every command uses. Immutable;
 * two specs are equal when their canonical texts ({@link #toString()}) are.
 *
 * <h2>Grammar</h2>
 * <pre>
 * spec       = kind ":" body                    kinds and parameter names are case-insensitive
 * fat-tree   = "fat-tree:"   params             k (required, even, 2..64), rate, hostRate
 * leaf-spine = "leaf-spine:" params             spines (1..254), leaves (1..254), hosts (per leaf, 0..254),
 *                                               all required; rate, hostRate
 * graphml    = "graphml:" PATH *("," param)     rate, hostRate, hostsPerNode (0..254)
 * sndlib     = "sndlib:"  PATH                  no parameters
 * params     = param *("," param)
 * param      = name "=" value                   blanks around names and values are ignored
 * name       = letter *(letter | digit)
 * </pre>
 * Integers are decimal; rates are bits per second with an optional K, M, G or T suffix (powers of 1000), as read by
 * {@link org.ebbflow.topology.BitRate#parseBps(String)}. Defaults: fat-tree {@code rate=1G,hostRate=1G} (all links
 * at {@link org.ebbflow.topology.generate.FatTree#DEFAULT_LINK_BPS}); leaf-spine {@code rate=40G,hostRate=10G};
 * graphml leaves unset options to the loader's defaults.
 *
 * <h2>Paths</h2>
 * A PATH may contain commas. Options are split off the end only: while the text after the last comma has the form
 * {@code name=...}, it is taken as an option (and must be a valid one), and everything before the first option is
 * the path. So {@code graphml:nets/a,b.graphml,rate=10G} reads the file {@code nets/a,b.graphml}; a path whose own
 * last comma is followed by {@code name=} cannot be written. Relative paths resolve against the working directory.
 * Parsing checks that the file exists and is a readable regular file; reading it happens in {@link #build()}.
 *
 * <h2>Canonical text</h2>
 * {@link #toString()} prints the kind, then every parameter in the order above, generator defaults included and
 * rates with the largest suffix that keeps them exact ({@code 1500M}, {@code 10G}); a file kind prints its path as
 * given and only the options given. {@code parse(spec.toString())} equals {@code spec}.
 */
public abstract class TopologySpec {

    /** The kinds of topology a spec can name. */
    public enum Kind {
        /** A generated k-ary fat-tree. */
        FAT_TREE("fat-tree", "fat-tree:k=4"),
        /** A generated two-tier leaf-spine fabric. */
        LEAF_SPINE("leaf-spine", "leaf-spine:spines=2,leaves=4,hosts=8"),
        /** A Topology Zoo GraphML file. */
        GRAPHML("graphml", "graphml:nets/Abilene.graphml"),
        /** An SNDlib native XML network file, with its traffic demands. */
        SNDLIB("sndlib", "sndlib:nets/abilene.xml");

        private final String token;
        private final String example;

        Kind(String token, String example) {
            this.token = token;
            this.example = example;
        }

        /** @return the spec prefix, e.g. {@code fat-tree} */
        public String token() {
            return token;
        }

        /** @return a small valid spec of this kind, for help texts and error messages */
        public String example() {
            return example;
        }

        /**
         * @param token a spec prefix, case-insensitive
         * @return the kind
         * @throws TopologySpecException if no kind has that token; the message lists the valid ones
         */
        public static Kind fromToken(String token) {
            String t = token.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.token.equals(t)) {
                    return k;
                }
            }
            throw new TopologySpecException("unknown topology kind '" + token.trim() + "' (valid kinds: "
                    + String.join(", ", tokens()) + ")");
        }

        /** @return the tokens of all kinds, in declaration order */
        public static List<String> tokens() {
            List<String> out = new ArrayList<>();
            for (Kind k : values()) {
                out.add(k.token);
            }
            return out;
        }
    }

    TopologySpec() {
    }

    /**
     * Parses and validates a spec; for file kinds also checks that the file exists and is readable.
     *
     * @param text a spec such as {@code fat-tree:k=8,rate=10G}; surrounding blanks are ignored
     * @return the spec
     * @throws TopologySpecException if the text is null, blank or invalid; the message is one line naming the
     *     problem
     */
    public static TopologySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TopologySpecException("empty topology spec (expected KIND:PARAMETERS, e.g. "
                    + Kind.FAT_TREE.example() + "; kinds: " + String.join(", ", Kind.tokens()) + ")");
        }
        String s = text.trim();
        int colon = s.indexOf(':');
        Kind kind = Kind.fromToken(colon < 0 ? s : s.substring(0, colon));
        String body = colon < 0 ? "" : s.substring(colon + 1);
        if (body.isBlank()) {
            throw new TopologySpecException(kind.token() + " spec needs parameters after ':', e.g. "
                    + kind.example());
        }
        switch (kind) {
            case FAT_TREE:
                return FatTreeSpec.parseBody(body);
            case LEAF_SPINE:
                return LeafSpineSpec.parseBody(body);
            case GRAPHML:
                return GraphMlSpec.parseBody(body);
            case SNDLIB:
                return SndlibSpec.parseBody(body);
            default:
                throw new AssertionError(kind);
        }
    }

    /** @return what this spec names */
    public abstract Kind kind();

    /**
     * Generates the topology or reads it from its file. Generators are deterministic: every call returns an equal
     * snapshot.
     *
     * @return a new snapshot, version 1
     * @throws org.ebbflow.topology.io.TopologyFormatException if the file is malformed
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public abstract TopologySnapshot build();

    /**
     * Reads an SNDlib network with its demands; {@link #build()} returns the same network's topology only.
     *
     * @return the network, its demands and their unit
     * @throws IllegalStateException unless {@link #kind()} is {@link Kind#SNDLIB}
     * @throws org.ebbflow.topology.io.TopologyFormatException if the file is malformed
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public SndlibNetwork loadSndlib() {
        throw new IllegalStateException(kind().token() + " spec has no SNDlib demands: " + this);
    }

    /** @return the canonical text, which {@link #parse(String)} reads back to an equal spec */
    @Override
    public abstract String toString();

    @Override
    public final boolean equals(Object o) {
        return o instanceof TopologySpec && toString().equals(o.toString());
    }

    @Override
    public final int hashCode() {
        return toString().hashCode();
    }
}
