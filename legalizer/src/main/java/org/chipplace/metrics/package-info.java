/**
 * Placement metrics: HPWL, legality (overlap, rows, sites), density overflow, RUDY congestion.
 */
package org.chipplace.metrics;
