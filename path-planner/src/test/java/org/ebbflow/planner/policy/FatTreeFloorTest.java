package org.ebbflow.planner.policy;

class FatTreeFloorTest extends ConnectivityFloorContractTest {
    @Override
    ConnectivityFloor create(int redundancy) {
        return new FatTreeFloor(redundancy);
    }
}
