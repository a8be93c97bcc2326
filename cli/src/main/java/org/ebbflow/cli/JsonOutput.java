package org.ebbflow.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Option;

/** Mixin for {@code --json}: commands that have it print exactly one JSON object on stdout instead of text. */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    /** @return whether {@code --json} was given */
    public boolean enabled() {
        return json;
    }

    /**
     * Prints a value as one JSON document followed by a newline, and flushes.
     *
     * @param out the command's stdout
     * @param value a map, a Jackson tree or any bean Jackson can serialise
     * @throws JsonProcessingException if Jackson cannot serialise the value
     */
    public void print(PrintWriter out, Object value) throws JsonProcessingException {
        out.println(MAPPER.writeValueAsString(value));
        out.flush();
    }
}
