/**
 * The placement flow as the command line ({@code place}) and the REST service (placement jobs) both
 * run it: the macro-placer registry with the tuned full-flow settings ({@link
 * org.chipplace.api.flow.MacroPlacers}) and the one writer of a result ({@link
 * org.chipplace.api.flow.ResultWriter}: the {@code .pl}, the placed {@code .def} measured as written,
 * and {@code report.json} in the shape of {@code docs/report-schema.json}).
 *
 * <p>This package depends on neither {@code org.chipplace.api.cli} nor {@code
 * org.chipplace.api.service}; both depend on it.
 */
package org.chipplace.api.flow;
