/**
 * Netlist model (structure of arrays + CSR), Bookshelf reader/writer, JGraphT views.
 */
package org.chipplace.netlist;
