package org.ebbflow.predictor.learned.dl4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.ebbflow.predictor.learned.Regressor;
import org.ebbflow.predictor.learned.RegressorCodec;

/**
 * {@link LstmRegressor} in an archive: DL4J's {@code ModelSerializer} zip (without updater state) as
 * {@code regressor/dl4j-model.zip}. {@code ModelSerializer} would Java-deserialize a {@code preprocessor.bin} entry
 * if one were present, so before restoring, the inner zip is checked to hold only {@code configuration.json}
 * (JSON), {@code coefficients.bin} (raw array data) and optionally {@code noParams.marker} or
 * {@code updaterState.bin}; anything else is rejected.
 */
public final class LstmCodec implements RegressorCodec {
    /** The entry holding the network. */
    public static final String ENTRY = "regressor/dl4j-model.zip";
    private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList("configuration.json",
            "coefficients.bin", "noParams.marker", "updaterState.bin"));

    /** For {@code ModelFiles}. */
    public LstmCodec() {
    }

    @Override
    public String kind() {
        return LstmRegressor.KIND;
    }

    @Override
    public void write(Regressor regressor, Map<String, Object> header, Map<String, byte[]> entries)
            throws IOException {
        LstmRegressor r = (LstmRegressor) regressor;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ModelSerializer.writeModel(r.network(), buf, false);
        header.put("windowSteps", r.windowSteps());
        header.put("inputs", r.inputCount());
        header.put("outputs", r.outputCount());
        header.put("library", "deeplearning4j-nn 1.0.0-M2.1 ModelSerializer");
        entries.put(ENTRY, buf.toByteArray());
    }

    @Override
    public Regressor read(JsonNode header, Map<String, byte[]> entries) throws IOException {
        byte[] zip = entries.get(ENTRY);
        if (zip == null) {
            throw new IllegalArgumentException("missing entry " + ENTRY);
        }
        checkEntries(zip);
        int w = header.path("windowSteps").asInt(-1);
        int in = header.path("inputs").asInt(-1);
        int out = header.path("outputs").asInt(-1);
        if (w < 2 || in < w || out < 1) {
            throw new IllegalArgumentException("regressor header needs windowSteps, inputs and outputs");
        }
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false);
        if (net.layerInputSize(0) != LstmRegressor.channels(in, w) || net.layerSize(net.getnLayers() - 1) != out) {
            throw new IllegalArgumentException("the DL4J network does not match the header's inputs and outputs");
        }
        return new LstmRegressor(net, w, in, out);
    }

    static void checkEntries(byte[] zip) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            boolean any = false;
            while ((e = z.getNextEntry()) != null) {
                any = true;
                if (!ALLOWED.contains(e.getName())) {
                    throw new IllegalArgumentException(ENTRY + " holds '" + e.getName() + "', which is refused "
                            + "(only " + ALLOWED + ": no Java deserialization)");
                }
            }
            if (!any) {
                throw new IllegalArgumentException(ENTRY + " is not a DL4J model zip");
            }
        }
    }
}
