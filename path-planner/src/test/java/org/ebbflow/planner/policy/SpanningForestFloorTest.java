package org.ebbflow.planner.policy;

class SpanningForestFloorTest extends ConnectivityFloorContractTest {
    @Override
    ConnectivityFloor create(int redundancy) {
        return new SpanningForestFloor(redundancy);
    }
}
