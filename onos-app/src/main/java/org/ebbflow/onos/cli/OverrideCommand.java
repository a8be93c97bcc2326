package org.ebbflow.onos.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.ebbflow.onos.api.EbbflowService;
import org.onosproject.cli.AbstractShellCommand;

/** The operator overrides {@code ebbflow-sleep} and {@code ebbflow-wake}: pin an element, or release it. */
abstract class OverrideCommand extends AbstractShellCommand {
    @Argument(index = 0, name = "element", description = "Device id (of:...) or cable (of:.../p-of:.../q)",
            required = true)
    private String element;

    @Option(name = "--release", description = "Drop the override instead: the planner decides again")
    private boolean release;

    /** @return the service call that pins the element */
    abstract String pin(EbbflowService service, String element);

    @Override
    protected void doExecute() {
        EbbflowService service = getService(EbbflowService.class);
        String result;
        try {
            result = release ? service.release(element) : pin(service, element);
        } catch (IllegalArgumentException e) {
            error("%s", e.getMessage());
            return;
        }
        if (outputJson()) {
            print("%s", mapper().createObjectNode().put("element", element).put("result", result)
                    .set("overrides", mapper().valueToTree(service.overrides())));
        } else {
            print("%s", result);
        }
    }
}
