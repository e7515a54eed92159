/**
 * Placement pipeline: macro placement, global placement, legalization, detailed placement.
 */
package org.chipplace.placer;
