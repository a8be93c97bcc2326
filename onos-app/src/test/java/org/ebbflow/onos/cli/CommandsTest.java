package org.ebbflow.onos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.StubEbbflowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onosproject.cli.AbstractShellCommand;

/** The Karaf commands run directly, their service replaced by a stub: what they call and print, text and JSON. */
class CommandsTest {
    private final StubEbbflowService service = new StubEbbflowService();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private JsonNode outJson() throws Exception {
        return new ObjectMapper().readTree(out());
    }

    /** Sets an option or argument field, declared on the command or a superclass. */
    private static void set(Object command, String name, Object value) throws Exception {
        for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(command, value);
                return;
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private <T extends AbstractShellCommand> T json(T command) throws Exception {
        set(command, "json", true);
        return command;
    }

    private EbbflowStatusCommand status() {
        return new EbbflowStatusCommand() {
            @Override
            public <T> T getService(Class<T> type) {
                return type.cast(service);
            }
        };
    }

    private EbbflowPlanCommand plan() {
        return new EbbflowPlanCommand() {
            @Override
            public <T> T getService(Class<T> type) {
                return type.cast(service);
            }
        };
    }

    private EbbflowSleepCommand sleep(String element) throws Exception {
        EbbflowSleepCommand c = new EbbflowSleepCommand() {
            @Override
            public <T> T getService(Class<T> type) {
                assertEquals(EbbflowService.class, type);
                return type.cast(service);
            }
        };
        set(c, "element", element);
        return c;
    }

    private EbbflowWakeCommand wake(String element) throws Exception {
        EbbflowWakeCommand c = new EbbflowWakeCommand() {
            @Override
            public <T> T getService(Class<T> type) {
                return type.cast(service);
            }
        };
        set(c, "element", element);
        return c;
    }

    @Test
    void statusPrintsKeyValueLinesOrJson() throws Exception {
        status().doExecute();
        assertEquals("node=a\nisLeader=true\nasleepSwitches=1\npredictor=ewma", out());
        out.reset();
        json(status()).doExecute();
        JsonNode n = outJson();
        assertTrue(n.get("isLeader").asBoolean());
        assertEquals("ewma", n.get("predictor").asText());
    }

    @Test
    void planIsADryRunUnlessCurrentIsAsked() throws Exception {
        plan().doExecute();
        assertEquals(List.of("plan dry=true"), service.calls);
        String text = out();
        assertTrue(text.contains("outcome=dry-run"), text);
        assertTrue(text.contains("actions (2)\n  stage 1: install 3 rules\n  disable of:0000000000000002/1"), text);
        assertTrue(text.contains("wakes (0)"), text);

        out.reset();
        EbbflowPlanCommand current = plan();
        set(current, "current", true);
        current.doExecute();
        assertEquals("no plan yet", out());
        assertEquals(List.of("plan dry=true", "currentPlan"), service.calls);

        out.reset();
        service.current = StubEbbflowService.report("applied");
        current = json(plan());
        set(current, "current", true);
        current.doExecute();
        assertEquals("applied", outJson().get("outcome").asText());
        assertEquals(310.5, outJson().get("wattsAfter").asDouble());
    }

    @Test
    void sleepAndWakePinReleaseUnpinsAndErrorsGoToStderr() throws Exception {
        sleep("of:0000000000000002").doExecute();
        assertEquals("of:0000000000000002 pinned asleep", out());

        out.reset();
        json(wake("of:0000000000000003")).doExecute();
        JsonNode n = outJson();
        assertEquals("of:0000000000000003", n.get("element").asText());
        assertEquals("of:0000000000000003 pinned awake", n.get("result").asText());
        assertEquals("asleep", n.get("overrides").get("of:0000000000000002").asText());
        assertEquals("awake", n.get("overrides").get("of:0000000000000003").asText());

        out.reset();
        EbbflowSleepCommand release = sleep("of:0000000000000002");
        set(release, "release", true);
        release.doExecute();
        assertEquals("of:0000000000000002 released", out());
        assertEquals(List.of("asleep of:0000000000000002", "awake of:0000000000000003",
                "release of:0000000000000002"), service.calls);

        out.reset();
        sleep("spine-7").doExecute();
        assertEquals("", out(), "nothing on stdout for an error");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown element: spine-7"), err.toString());
    }
}
