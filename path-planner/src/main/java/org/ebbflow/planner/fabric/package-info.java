/**
 * Recognises fat-trees and leaf-spines in a snapshot by switch roles and wiring, and indexes their switches and links
 * by position (pod, position in pod, core group, member), "leftmost" meaning lowest datapath id, as ElasticTree's
 * heuristics and the topology-aware router need.
 */
package org.ebbflow.planner.fabric;
