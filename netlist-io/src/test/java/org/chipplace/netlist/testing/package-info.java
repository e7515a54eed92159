/**
 * Test fixtures shared by the tests of every module, shipped in netlist-io's test jar
 * ({@code <type>test-jar</type>}): the benchmark designs with skip-or-fail lookup
 * ({@link org.chipplace.netlist.testing.BenchmarkDesigns}) and exact netlist/placement equality
 * ({@link org.chipplace.netlist.testing.NetlistAssertions}).
 */
package org.chipplace.netlist.testing;
