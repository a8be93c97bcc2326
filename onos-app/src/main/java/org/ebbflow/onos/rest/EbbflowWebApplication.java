package org.ebbflow.onos.rest;

import java.util.Set;

import org.onlab.rest.AbstractWebApplication;

/** The JAX-RS application of ebbflow's REST API, mounted at {@code /onos/ebbflow}. */
public class EbbflowWebApplication extends AbstractWebApplication {
    @Override
    public Set<Class<?>> getClasses() {
        return getClasses(EbbflowWebResource.class);
    }
}
