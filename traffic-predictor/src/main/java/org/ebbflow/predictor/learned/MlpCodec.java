package org.ebbflow.predictor.learned;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link MlpRegressor} in an archive: layer sizes in the header, all weights then biases of each layer in order as
 * little-endian IEEE floats in {@code regressor/weights.bin}.
 */
public final class MlpCodec implements RegressorCodec {
    /** The entry holding the parameters. */
    public static final String WEIGHTS = "regressor/weights.bin";

    /** For {@link ModelFiles}. */
    public MlpCodec() {
    }

    @Override
    public String kind() {
        return MlpRegressor.KIND;
    }

    @Override
    public void write(Regressor regressor, Map<String, Object> header, Map<String, byte[]> entries) {
        MlpRegressor m = (MlpRegressor) regressor;
        int[] sizes = m.sizes();
        header.put("sizes", sizes);
        header.put("activation", "relu");
        header.put("layout", "per layer: weights [in][out] row-major, then biases; float32 little-endian");
        int count = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            count += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        ByteBuffer buf = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (float v : m.weights(l)) {
                buf.putFloat(v);
            }
            for (float v : m.biases(l)) {
                buf.putFloat(v);
            }
        }
        header.put("parameters", count);
        entries.put(WEIGHTS, buf.array());
    }

    @Override
    public Regressor read(JsonNode header, Map<String, byte[]> entries) {
        JsonNode s = header.get("sizes");
        if (s == null || !s.isArray() || s.size() < 2) {
            throw new IllegalArgumentException("regressor.sizes must list at least two layer widths");
        }
        int[] sizes = new int[s.size()];
        long count = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (!s.get(i).canConvertToInt() || s.get(i).asInt() < 1 || s.get(i).asInt() > 100_000) {
                throw new IllegalArgumentException("regressor.sizes[" + i + "] is not a layer width: " + s.get(i));
            }
            sizes[i] = s.get(i).asInt();
            if (i > 0) {
                count += (long) sizes[i - 1] * sizes[i] + sizes[i];
            }
        }
        byte[] bytes = entries.get(WEIGHTS);
        if (bytes == null) {
            throw new IllegalArgumentException("missing entry " + WEIGHTS);
        }
        if (bytes.length != count * 4) {
            throw new IllegalArgumentException(WEIGHTS + " holds " + bytes.length + " bytes, the sizes need "
                    + count * 4);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        for (int l = 0; l + 1 < sizes.length; l++) {
            w[l] = new float[sizes[l] * sizes[l + 1]];
            b[l] = new float[sizes[l + 1]];
            buf.asFloatBuffer().get(w[l]);
            buf.position(buf.position() + w[l].length * 4);
            buf.asFloatBuffer().get(b[l]);
            buf.position(buf.position() + b[l].length * 4);
        }
        return MlpRegressor.of(sizes, w, b);
    }
}
