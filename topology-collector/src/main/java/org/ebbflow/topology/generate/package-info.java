/**
 * Topology generators shared by tests, benchmarks, the simulator, the demo and the Mininet scripts: k-ary fat-trees and
 * leaf-spine fabrics with deterministic names, datapath ids, MAC and IP addresses.
 */
package org.ebbflow.topology.generate;
