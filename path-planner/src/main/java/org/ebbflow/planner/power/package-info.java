/**
 * Switch power models (chassis watts plus watts per active port, per model key), the power state of every switch and
 * link, and power reports with current, all-on and maximum watts as ElasticTree's console showed them.
 */
package org.ebbflow.planner.power;
