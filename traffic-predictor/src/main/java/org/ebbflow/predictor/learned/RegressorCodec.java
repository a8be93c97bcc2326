package org.ebbflow.predictor.learned;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes one kind of {@link Regressor} into a model archive and reads it back, with no Java deserialization: a
 * codec reads only its JSON header and its own archive entries ({@code regressor/...}), in formats that carry data,
 * not objects. Implementations have a public no-argument constructor ({@link ModelFiles} finds them by kind).
 */
public interface RegressorCodec {
    /** @return the kind it handles, as {@link Regressor#kind()} */
    String kind();

    /**
     * @param regressor of this codec's kind
     * @param header receives JSON-able fields ({@code model.json}'s {@code regressor} object)
     * @param entries receives archive entries by name, each starting with {@code regressor/}
     * @throws Exception if the regressor cannot be written
     */
    void write(Regressor regressor, Map<String, Object> header, Map<String, byte[]> entries) throws Exception;

    /**
     * @param header the {@code regressor} object of {@code model.json}
     * @param entries every archive entry by name
     * @return the regressor
     * @throws Exception naming what is missing or malformed; {@link ModelFiles} reports it with the file name
     */
    Regressor read(JsonNode header, Map<String, byte[]> entries) throws Exception;
}
