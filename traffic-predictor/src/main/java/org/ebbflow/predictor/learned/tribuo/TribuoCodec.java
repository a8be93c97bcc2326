package org.ebbflow.predictor.learned.tribuo;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebbflow.predictor.learned.Regressor;
import org.ebbflow.predictor.learned.RegressorCodec;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * {@link TribuoRegressor} in an archive: Tribuo's protobuf form ({@code Model.serialize()}, the same bytes
 * {@code serializeToFile} writes) as {@code regressor/model.tribuo}; read back with {@code Model.deserialize} from
 * the parsed protobuf message: no Java serialization (XGBoost boosters travel as XGBoost's own model bytes inside
 * the protobuf). Tribuo's own provenance travels inside it too.
 */
public final class TribuoCodec implements RegressorCodec {
    /** The entry holding the model. */
    public static final String ENTRY = "regressor/model.tribuo";

    /** For {@code ModelFiles}. */
    public TribuoCodec() {
    }

    @Override
    public String kind() {
        return TribuoRegressor.KIND;
    }

    @Override
    public void write(Regressor regressor, Map<String, Object> header, Map<String, byte[]> entries) {
        TribuoRegressor r = (TribuoRegressor) regressor;
        header.put("model", r.modelName());
        header.put("inputs", r.inputCount());
        header.put("outputs", r.outputCount());
        header.put("library", "tribuo 4.3.2 protobuf");
        entries.put(ENTRY, r.model().serialize().toByteArray());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Regressor read(JsonNode header, Map<String, byte[]> entries) throws Exception {
        byte[] bytes = entries.get(ENTRY);
        if (bytes == null) {
            throw new IllegalArgumentException("missing entry " + ENTRY);
        }
        int in = header.path("inputs").asInt(-1);
        int out = header.path("outputs").asInt(-1);
        String name = header.path("model").asText("");
        if (in < 1 || out < 1 || name.isEmpty()) {
            throw new IllegalArgumentException("regressor header needs model, inputs and outputs");
        }
        Model<?> model = Model.deserialize(ModelProto.parseFrom(bytes));
        if (!model.validate(org.tribuo.regression.Regressor.class)) {
            throw new IllegalArgumentException(ENTRY + " is not a Tribuo regression model");
        }
        return new TribuoRegressor((Model<org.tribuo.regression.Regressor>) model, name, in, out);
    }
}
