package org.ebbflow.onos.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onlab.packet.IpAddress;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.cluster.ClusterService;
import org.onosproject.cluster.DefaultControllerNode;
import org.onosproject.cluster.LeadershipService;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.CoreService;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.device.DeviceAdminService;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkService;
import org.onosproject.store.service.AsyncConsistentMap;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.StorageService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a stub bundle the Felix integration test builds on the fly: it registers the ONOS services ebbflow's
 * component references, as dynamic proxies answering empty collections, one cluster node that leads and masters
 * everything, and a consistent map backed by a plain concurrent map.
 */
public final class StubOnosActivator implements BundleActivator {
    static final String NODE = "it-node";

    @Override
    public void start(BundleContext ctx) {
        NodeId node = new NodeId(NODE);
        Map<String, String> store = new ConcurrentHashMap<>();
        register(ctx, CoreService.class, (p, m, a) -> "registerApplication".equals(m.getName())
                ? new DefaultApplicationId(77, (String) a[0]) : empty(m.getReturnType()));
        register(ctx, ComponentConfigService.class, (p, m, a) -> empty(m.getReturnType()));
        Object devices = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeviceService.class, DeviceAdminService.class}, (p, m, a) -> empty(m.getReturnType()));
        ctx.registerService(new String[] {DeviceService.class.getName(), DeviceAdminService.class.getName()}, devices,
                null);
        register(ctx, LinkService.class, (p, m, a) -> empty(m.getReturnType()));
        register(ctx, HostService.class, (p, m, a) -> empty(m.getReturnType()));
        register(ctx, FlowRuleService.class, (p, m, a) -> empty(m.getReturnType()));
        register(ctx, LeadershipService.class, (p, m, a) -> "getLeader".equals(m.getName()) ? node
                : empty(m.getReturnType()));
        register(ctx, ClusterService.class, (p, m, a) -> "getLocalNode".equals(m.getName())
                ? new DefaultControllerNode(node, IpAddress.valueOf("127.0.0.1")) : empty(m.getReturnType()));
        register(ctx, MastershipService.class, (p, m, a) -> "getMasterFor".equals(m.getName()) ? node
                : empty(m.getReturnType()));
        register(ctx, StorageService.class, (p, m, a) -> "consistentMapBuilder".equals(m.getName())
                ? new MapBuilder(store) : empty(m.getReturnType()));
    }

    @Override
    public void stop(BundleContext ctx) {
        // services go with the bundle
    }

    private <T> void register(BundleContext ctx, Class<T> type, InvocationHandler h) {
        ctx.registerService(type.getName(), Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {type}, h), null);
    }

    static Object empty(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0.0;
        } else if (type.isAssignableFrom(ArrayList.class)) {
            return new ArrayList<>();
        } else if (type.isAssignableFrom(java.util.HashSet.class)) {
            return Collections.emptySet();
        } else if (type.isAssignableFrom(java.util.HashMap.class)) {
            return Collections.emptyMap();
        }
        return null;
    }

    /** A consistent-map builder whose maps are views of one concurrent map. */
    static final class MapBuilder extends ConsistentMapBuilder<String, String> {
        private final Map<String, String> store;

        MapBuilder(Map<String, String> store) {
            this.store = store;
        }

        @Override
        public AsyncConsistentMap<String, String> buildAsyncMap() {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("unchecked")
        public ConsistentMap<String, String> build() {
            return (ConsistentMap<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConsistentMap.class}, (p, m, a) -> "asJavaMap".equals(m.getName()) ? store
                            : empty(m.getReturnType()));
        }
    }
}
