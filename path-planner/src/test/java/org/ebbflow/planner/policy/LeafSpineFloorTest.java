package org.ebbflow.planner.policy;

class LeafSpineFloorTest extends ConnectivityFloorContractTest {
    @Override
    ConnectivityFloor create(int redundancy) {
        return new LeafSpineFloor(redundancy);
    }
}
