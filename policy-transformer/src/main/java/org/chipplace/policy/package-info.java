/**
 * Decision-transformer macro placer (ChiPFormer-style). Not yet implemented.
 */
package org.chipplace.policy;
