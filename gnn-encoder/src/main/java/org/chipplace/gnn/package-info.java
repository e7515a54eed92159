/**
 * GNN circuit encoder: circuit tokens from the netlist graph (ChiPFormer-style VGAE). Not yet implemented.
 */
package org.chipplace.gnn;
