/**
 * GSRC Bookshelf reader and writer ({@code .aux}, {@code .nodes}, {@code .nets}, {@code .wts},
 * {@code .pl}, {@code .scl}; the format of the ISPD 2005/2006 and ICCAD 2004 placement contests,
 * Adya and Markov's IBM-MS benchmarks, and DREAMPlace's test designs). The facade is
 * {@link org.chipplace.netlist.bookshelf.Bookshelf}; files may be gzipped; numbers are written so
 * that they read back to the identical double.
 */
package org.chipplace.netlist.bookshelf;
