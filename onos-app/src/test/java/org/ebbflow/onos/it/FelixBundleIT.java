package org.ebbflow.onos.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs the built bundle into Apache Felix 7 with Felix SCR and the bundles ONOS 2.7 runs on (onos-api,
 * onlab-misc/osgi/rest, Guava 22, Jackson 2.11, Kryo 4, ...; copied by the pom), plus a stub bundle registering the
 * ONOS services: the bundle must resolve, SCR must activate the component against the stubs, and calls through the
 * OSGi service must work, including the default model (plain Java) forecasting inside the bundle.
 */
class FelixBundleIT {
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void bundleResolvesActivatesAndAnswersThroughOsgi() throws Exception {
        Path bundleJar = Paths.get(System.getProperty("ebbflow.bundle"));
        Path bundles = Paths.get(System.getProperty("ebbflow.felix.bundles"));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, System.getProperty("ebbflow.felix.cache"));
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> s = Files.list(bundles)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        assertTrue(jars.size() >= 30, "ONOS bundle set copied: " + jars);
        for (Path p : jars) {
            installed.add(ctx.installBundle(p.toUri().toString()));
        }
        Bundle stubs = ctx.installBundle("stub:onos-services", stubBundle());
        Bundle ebbflow = ctx.installBundle(bundleJar.toUri().toString());
        installed.add(stubs);
        installed.add(ebbflow);

        framework.start();
        boolean all = framework.adapt(FrameworkWiring.class).resolveBundles(installed);
        List<String> unresolved = new ArrayList<>();
        for (Bundle b : installed) {
            if (b.getState() == Bundle.INSTALLED) {
                unresolved.add(b.getSymbolicName() + ": " + whyUnresolved(b));
            }
        }
        assertEquals(List.of(), unresolved, "every bundle resolves");
        assertTrue(all, "resolveBundles reports success");
        assertEquals("org.ebbflow.app", ebbflow.getSymbolicName());

        long t0 = System.nanoTime();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        ServiceReference<?> ref = null;
        for (int i = 0; i < 300 && ref == null; i++) {
            ref = ctx.getServiceReference("org.ebbflow.onos.api.EbbflowService");
            if (ref == null) {
                Thread.sleep(50);
            }
        }
        assertNotNull(ref, "SCR activated EbbflowManager and registered EbbflowService");
        long activationMillis = (System.nanoTime() - t0) / 1_000_000;
        Object service = ctx.getService(ref);
        assertEquals(ebbflow, ref.getBundle(), "the service comes from the ebbflow bundle");
        assertEquals(5000, ref.getProperty("statsStepMillis"), "component properties from the @Component");

        Object status = call(service, "status");
        Map<?, ?> s = (Map<?, ?>) call(status, "toMap");
        assertEquals(Boolean.TRUE, s.get("isLeader"), s.toString());
        assertEquals("in-bundle", s.get("predictorMode"), "the default model runs inside the bundle: " + s);
        assertEquals("mlp", s.get("predictor"), "the shipped default model");

        Object report = service.getClass().getMethod("plan", boolean.class).invoke(service, true);
        assertEquals("dry-run", call(report, "outcome"));
        Object applied = service.getClass().getMethod("plan", boolean.class).invoke(service, false);
        assertEquals("applied", call(applied, "outcome"), String.valueOf(applied));
        Object current = call(service, "currentPlan");
        assertNotNull(current, "the applied plan is in the (stub) cluster store");
        System.out.println("ebbflow bundle: " + Files.size(bundleJar) / 1024 + " KiB, " + jars.size()
                + " ONOS bundles, activated in " + activationMillis + " ms");
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    private static String whyUnresolved(Bundle b) {
        try {
            b.start();
            return "resolved only on start";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    /** A bundle holding {@link StubOnosActivator} and its inner classes, importing the ONOS API packages. */
    private static InputStream stubBundle() throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "org.ebbflow.it.stubs");
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        a.putValue(Constants.BUNDLE_ACTIVATOR, StubOnosActivator.class.getName());
        // Proxies need every type their interfaces mention (joda-time, ...): import them on demand.
        a.putValue(Constants.DYNAMICIMPORT_PACKAGE, "*");
        a.putValue(Constants.IMPORT_PACKAGE, String.join(",", "org.osgi.framework", "org.onlab.packet",
                "org.onosproject.cfg", "org.onosproject.cluster", "org.onosproject.core", "org.onosproject.mastership",
                "org.onosproject.net.device", "org.onosproject.net.flow", "org.onosproject.net.host",
                "org.onosproject.net.link", "org.onosproject.store.service", "org.onosproject.store.primitives",
                "org.onosproject.event", "org.onosproject.net"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String pkg = StubOnosActivator.class.getPackage().getName().replace('.', '/');
        File dir = new File(StubOnosActivator.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                pkg);
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            File[] classes = dir.listFiles((d, n) -> n.startsWith("StubOnosActivator") && n.endsWith(".class"));
            assertNotNull(classes);
            for (File f : classes) {
                jar.putNextEntry(new JarEntry(pkg + "/" + f.getName()));
                jar.write(Files.readAllBytes(f.toPath()));
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
