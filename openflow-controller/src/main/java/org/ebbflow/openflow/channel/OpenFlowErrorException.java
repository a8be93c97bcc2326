package org.ebbflow.openflow.channel;

import java.util.List;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;

/** A switch answered one or more requests with OpenFlow error messages. */
public final class OpenFlowErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<OFErrorMsg> errors;

    /** @param errors the switch's error messages, not empty */
    public OpenFlowErrorException(String switchName, List<OFErrorMsg> errors) {
        super("switch " + switchName + " rejected " + errors.size() + " message(s), first: " + describe(errors.get(0)));
        this.errors = List.copyOf(errors);
    }

    /** @return the error messages, in arrival order */
    public List<OFErrorMsg> errors() {
        return errors;
    }

    private static String describe(OFErrorMsg e) {
        String s = e.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
