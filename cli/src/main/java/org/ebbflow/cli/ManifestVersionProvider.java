package org.ebbflow.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code ebbflow <version>}, the version being the jar manifest's Implementation-Version, or {@code dev}. */
public final class ManifestVersionProvider implements IVersionProvider {
    /** Shown when the classes do not come from a jar with a manifest version, e.g. in an IDE or in tests. */
    public static final String FALLBACK = "dev";

    @Override
    public String[] getVersion() {
        return new String[] {"ebbflow " + version()};
    }

    /** @return the Implementation-Version of the jar holding the CLI, or {@value #FALLBACK} */
    public static String version() {
        String v = ManifestVersionProvider.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
