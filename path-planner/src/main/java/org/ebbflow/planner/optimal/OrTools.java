package org.ebbflow.planner.optimal;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries once per JVM (0.5–0.9 s, extracted into {@code java.io.tmpdir}). */
final class OrTools {
    private static boolean loaded;

    private OrTools() {
    }

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
