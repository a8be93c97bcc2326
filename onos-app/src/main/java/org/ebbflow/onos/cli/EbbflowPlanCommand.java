package org.ebbflow.onos.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.PlanReport;
import org.onosproject.cli.AbstractShellCommand;

/** {@code ebbflow-plan [--current] [--json]}: a dry run of one planning cycle, or the plan in force. */
@Service
@Command(scope = "onos", name = "ebbflow-plan",
        description = "Plans one cycle now without touching the network (dry run), or shows the plan in force")
public class EbbflowPlanCommand extends AbstractShellCommand {
    @Option(name = "--current", description = "Show the plan the leader last applied instead of planning")
    private boolean current;

    @Override
    protected void doExecute() {
        EbbflowService service = getService(EbbflowService.class);
        PlanReport r = current ? service.currentPlan() : service.plan(true);
        if (r == null) {
            print("no plan yet");
            return;
        }
        if (outputJson()) {
            print("%s", mapper().valueToTree(r.toMap()));
        } else {
            print("%s", TextOutput.render(r.toMap()));
        }
    }
}
