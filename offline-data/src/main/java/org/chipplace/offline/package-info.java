/**
 * Macro-placement environment, expert placers (greedy, EA) and offline trajectory datasets.
 */
package org.chipplace.offline;
