package org.ebbflow.predictor.baseline;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.flowstats.features.SeriesFeatures;

/** Test windows: one series from step 0, the window ending after its last value. */
final class Windows {
    private Windows() {
    }

    static FeatureWindow of(FeatureSpec spec, double... rates) {
        return SeriesFeatures.regular(spec, "s", 0, rates, null).window(rates.length, MissingPolicy.KEEP_NAN);
    }
}
