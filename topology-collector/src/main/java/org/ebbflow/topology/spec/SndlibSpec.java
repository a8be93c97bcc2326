package org.ebbflow.topology.spec;

import java.nio.file.Path;
import java.util.List;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.io.SndlibLoader;
import org.ebbflow.topology.io.SndlibNetwork;

/** {@code sndlib:PATH}: an SNDlib native XML network read by {@link SndlibLoader}, with its demands. */
final class SndlibSpec extends TopologySpec {
    private static final String[] REQUIRED = {};

    private final String pathText;
    private final Path path;

    private SndlibSpec(String pathText, Path path) {
        this.pathText = pathText;
        this.path = path;
    }

    static SndlibSpec parseBody(String body) {
        String kind = Kind.SNDLIB.token();
        List<String> parts = SpecParams.splitPathAndOptions(body);
        SpecParams.of(kind, parts.subList(1, parts.size()), REQUIRED);
        return new SndlibSpec(parts.get(0), FileSpecs.existingFile(kind, parts.get(0)));
    }

    @Override
    public Kind kind() {
        return Kind.SNDLIB;
    }

    @Override
    public TopologySnapshot build() {
        return loadSndlib().snapshot();
    }

    @Override
    public SndlibNetwork loadSndlib() {
        return SndlibLoader.load(path);
    }

    @Override
    public String toString() {
        return Kind.SNDLIB.token() + ":" + pathText;
    }
}
