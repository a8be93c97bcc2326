package org.ebbflow.onos.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ebbflow.onos.api.EbbflowService;

/** {@code ebbflow-wake [--release] ELEMENT [--json]}: an operator override the planner respects. */
@Service
@Command(scope = "onos", name = "ebbflow-wake",
        description = "Operator override: wakes a switch or cable now and keeps it so until released")
public class EbbflowWakeCommand extends OverrideCommand {
    @Override
    String pin(EbbflowService service, String element) {
        return service.wake(element);
    }
}
