package org.ebbflow.onos.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.EbbflowStatus;
import org.onosproject.cli.AbstractShellCommand;

/** {@code ebbflow-status [--json]}. */
@Service
@Command(scope = "onos", name = "ebbflow-status",
        description = "Shows what ebbflow sees and does on this node: leader, predictor, sleeping elements, last cycle")
public class EbbflowStatusCommand extends AbstractShellCommand {
    @Override
    protected void doExecute() {
        EbbflowStatus s = getService(EbbflowService.class).status();
        if (outputJson()) {
            print("%s", mapper().valueToTree(s.toMap()));
        } else {
            print("%s", TextOutput.render(s.toMap()));
        }
    }
}
